// Suggestions as you type for the search box in the layout (WAI-ARIA 1.2 combobox with a list box).
// Progressive enhancement: without this script the box is a plain GET form to /search.
// Listens on the document, so it keeps working when Blazor's enhanced navigation patches the page.
(function () {
  'use strict';
  var DEBOUNCE_MS = 150;
  var timer = 0;
  var controller = null;
  var items = [];
  var active = -1;

  function parts(input) {
    var form = input.form;
    return {
      form: form,
      list: document.getElementById(input.getAttribute('aria-controls')),
      status: form.querySelector('[data-suggest-status]')
    };
  }

  function close(input) {
    var p = parts(input);
    items = [];
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    if (p.list) { p.list.hidden = true; p.list.replaceChildren(); }
  }

  function highlight(input, index) {
    var p = parts(input);
    active = index;
    Array.prototype.forEach.call(p.list.children, function (li, i) {
      li.setAttribute('aria-selected', i === index ? 'true' : 'false');
    });
    if (index >= 0) {
      input.setAttribute('aria-activedescendant', p.list.children[index].id);
      p.list.children[index].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function go(index) {
    var item = items[index];
    // Only same-site paths: the server returns them, but never follow anything else.
    if (item && typeof item.url === 'string' && item.url.charAt(0) === '/' && item.url.charAt(1) !== '/' && item.url.charAt(1) !== '\\') {
      window.location.assign(item.url);
    }
  }

  function show(input, found) {
    var p = parts(input);
    items = found;
    active = -1;
    p.list.replaceChildren();
    found.forEach(function (item, i) {
      var li = document.createElement('li');
      li.id = input.id + '-option-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      var title = document.createElement('span');
      title.className = 'suggest-title';
      title.textContent = item.title;
      var source = document.createElement('span');
      source.className = 'suggest-source';
      source.textContent = item.sourceLabel;
      li.append(title, source);
      // mousedown, not click: the input would lose focus (and close the list) before a click lands.
      li.addEventListener('mousedown', function (e) { e.preventDefault(); go(i); });
      p.list.appendChild(li);
    });
    var open = found.length > 0;
    p.list.hidden = !open;
    input.setAttribute('aria-expanded', open ? 'true' : 'false');
    input.removeAttribute('aria-activedescendant');
    if (p.status) {
      // Singular and plural forms come from the page's language (Korean has one form, English two).
      var countKey = found.length === 1 && p.form.hasAttribute('data-suggest-count-one') ? 'data-suggest-count-one' : 'data-suggest-count';
      var template = open ? p.form.getAttribute(countKey) : p.form.getAttribute('data-suggest-none');
      p.status.textContent = (template || '').replace('{0}', String(found.length));
    }
  }

  function fetchSuggestions(input) {
    var text = input.value.trim();
    if (controller) { controller.abort(); }
    if (text.length === 0) { close(input); return; }
    controller = new AbortController();
    var url = input.form.getAttribute('data-suggest-url') + '?q=' + encodeURIComponent(text);
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' }, signal: controller.signal })
      .then(function (response) { return response.ok ? response.json() : { items: [] }; })
      .then(function (body) {
        // A slower answer to an older prefix must not replace a newer one.
        if (input.value.trim() === text) { show(input, Array.isArray(body.items) ? body.items : []); }
      })
      .catch(function () { /* aborted or offline: leave the box as it is */ });
  }

  function isBox(target) {
    return target instanceof HTMLInputElement && target.hasAttribute('data-suggest') && target.form;
  }

  document.addEventListener('input', function (e) {
    if (!isBox(e.target)) { return; }
    var input = e.target;
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { fetchSuggestions(input); }, DEBOUNCE_MS);
  });

  document.addEventListener('keydown', function (e) {
    if (!isBox(e.target)) { return; }
    var input = e.target;
    var open = input.getAttribute('aria-expanded') === 'true';
    if (e.key === 'ArrowDown') {
      if (!open) { fetchSuggestions(input); return; }
      e.preventDefault();
      highlight(input, (active + 1) % items.length);
    } else if (e.key === 'ArrowUp' && open) {
      e.preventDefault();
      highlight(input, active <= 0 ? items.length - 1 : active - 1);
    } else if (e.key === 'Enter' && open && active >= 0) {
      e.preventDefault();
      go(active);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      close(input);
    }
  });

  document.addEventListener('focusout', function (e) {
    if (isBox(e.target)) { close(e.target); }
  });
})();
