// Sends the editor's text to the server for a preview after typing pauses, one request at a time.
const listeners = new Map();

export function attach(id, component, maxLength) {
    const area = document.getElementById(id);
    if (!area) return;
    let timer = 0, busy = false, again = false;
    const send = async () => {
        if (busy) { again = true; return; }
        busy = true;
        try {
            await component.invokeMethodAsync('RenderAsync', area.value.length > maxLength ? null : area.value);
        } catch {
            // The circuit is gone: the Preview button still works without it.
        } finally {
            busy = false;
            if (again) { again = false; send(); }
        }
    };
    const onInput = () => { clearTimeout(timer); timer = setTimeout(send, 400); };
    area.addEventListener('input', onInput);
    listeners.set(id, { area, onInput });
    send();
}

export function detach(id) {
    const entry = listeners.get(id);
    if (entry) {
        entry.area.removeEventListener('input', entry.onInput);
        listeners.delete(id);
    }
}
