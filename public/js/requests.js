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
