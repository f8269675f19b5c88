// Inserts Markdown into the editor's textarea at the caret, then tells listeners (the live preview) the text changed.
function changed(area) {
    area.dispatchEvent(new Event('input', { bubbles: true }));
    area.focus();
}

export function wrap(id, before, after, sample) {
    const area = document.getElementById(id);
    if (!area) return;
    const start = area.selectionStart, end = area.selectionEnd;
    const inner = area.value.slice(start, end) || sample;
    area.setRangeText(before + inner + after, start, end, 'end');
    area.setSelectionRange(start + before.length, start + before.length + inner.length);
    changed(area);
}

export function prefixLines(id, prefix) {
    const area = document.getElementById(id);
    if (!area) return;
    const value = area.value;
    const start = value.lastIndexOf('\n', area.selectionStart - 1) + 1;
    const end = area.selectionEnd;
    const lines = value.slice(start, end).split('\n').map(line => prefix + line).join('\n');
    area.setRangeText(lines, start, end, 'end');
    changed(area);
}

export function insertBlock(id, block) {
    const area = document.getElementById(id);
    if (!area) return;
    const start = area.selectionStart;
    const before = start > 0 && area.value[start - 1] !== '\n' ? '\n\n' : '';
    area.setRangeText(before + block + '\n', start, area.selectionEnd, 'end');
    changed(area);
}
