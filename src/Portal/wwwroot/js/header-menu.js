// The header menu is a <details> disclosure and works without this script. With it, the menu also closes on Escape
// (focus returns to its button) and when the person clicks or taps outside it, as menus usually do.
(() => {
  const openMenus = () => document.querySelectorAll('header details.menu[open]');
  document.addEventListener('click', (event) => {
    for (const menu of openMenus()) {
      if (!menu.contains(event.target)) menu.removeAttribute('open');
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    for (const menu of openMenus()) {
      menu.removeAttribute('open');
      menu.querySelector('summary')?.focus();
    }
  });
})();
