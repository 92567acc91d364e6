// The swap form shows only the field its mode needs (swap: the colleague's shift; give: the
// colleague). Without JavaScript both stay visible and the server ignores the unused one.
function syncSwapMode(form) {
  const mode = form.querySelector('input[name="mode"]:checked')?.value ?? 'swap';
  for (const el of form.querySelectorAll('[data-swap-mode]')) el.hidden = el.dataset.swapMode !== mode;
}
document.addEventListener('DOMContentLoaded', () => {
  for (const form of document.querySelectorAll('form[action="/requests/swaps"]')) {
    syncSwapMode(form);
    form.addEventListener('change', (event) => {
      if (event.target instanceof HTMLInputElement && event.target.name === 'mode') syncSwapMode(form);
    });
  }
});
// The choices are replaced (htmx) when another shift is picked: show the current mode's again.
document.addEventListener('htmx:load', (event) => {
  const form = event.target instanceof Element ? event.target.closest('form[action="/requests/swaps"]') : null;
  if (form) syncSwapMode(form);
});
