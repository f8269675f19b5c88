// Live filtering for the systems catalogue (/apps): as you type, fetch the page the 찾기 button would load and swap
// in its results and its count. The server ranks (LauncherFilter.Rank, 초성 included), so the list here is always the
// list the form gives without script. Progressive enhancement: without this script the form is a plain GET to /apps.
// Listens on the document, so it keeps working when Blazor's enhanced navigation patches the page.
(function () {
  'use strict';
  var DEBOUNCE_MS = 120;
  var timer = 0;
  var controller = null;

  function isFilterBox(target) {
    return target instanceof HTMLInputElement && target.name === 'q' && target.form && target.form.hasAttribute('data-live-filter');
  }

  function addressFor(form, text) {
    var path = form.getAttribute('action') || '/apps';
    return text.length === 0 ? path : path + '?q=' + encodeURIComponent(text);
  }

  function apply(form, text, html) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var id = form.getAttribute('data-live-filter');
    var fresh = doc.getElementById(id);
    var results = document.getElementById(id);
    if (!fresh || !results) { return false; }
    results.replaceChildren.apply(results, Array.prototype.map.call(fresh.childNodes, function (n) { return document.importNode(n, true); }));

    // The count is a live region that stays in the page: changing its text is what screen readers announce.
    var status = document.querySelector('[data-live-status]');
    var freshStatus = doc.querySelector('[data-live-status]');
    if (status && freshStatus && status.textContent !== freshStatus.textContent) { status.textContent = freshStatus.textContent; }
    var clear = form.querySelector('[data-live-clear]');
    if (clear) { clear.hidden = text.length === 0; }
    return true;
  }

  function filter(input) {
    var form = input.form;
    var text = input.value.trim();
    if (controller) { controller.abort(); }
    controller = new AbortController();
    var address = addressFor(form, text);
    fetch(address, { credentials: 'same-origin', headers: { Accept: 'text/html' }, signal: controller.signal })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        // A slower answer to older text must not replace a newer one.
        if (html === null || input.value.trim() !== text) { return; }
        if (apply(form, text, html)) { window.history.replaceState(window.history.state, '', address); }
      })
      .catch(function () { /* aborted or offline: the 찾기 button still works */ });
  }

  document.addEventListener('input', function (e) {
    if (!isFilterBox(e.target)) { return; }
    var input = e.target;
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { filter(input); }, DEBOUNCE_MS);
  });
})();
