// Small progressive enhancements; every page works without JavaScript.
document.addEventListener('change', (event) => {
  const el = event.target;
  if (el instanceof HTMLSelectElement && el.hasAttribute('data-autosubmit') && el.form) el.form.submit();
});

// The menu on narrow screens: a real button (keyboard and screen readers reach it) that shows
// and hides the menu, saying which with aria-expanded. Escape closes it and returns to the button.
function setUpMenu() {
  const toggle = document.querySelector('.nav-toggle');
  const nav = toggle && document.getElementById(toggle.getAttribute('aria-controls'));
  if (!toggle || !nav) return;
  const setOpen = (open) => {
    toggle.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('open', open);
  };
  toggle.hidden = false;
  nav.classList.add('collapsible');
  toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
  nav.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && toggle.getAttribute('aria-expanded') === 'true') {
      setOpen(false);
      toggle.focus();
    }
  });
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setUpMenu);
else setUpMenu();
