// Site-wide behaviour without inline script (the CSP forbids it).
// Forms or buttons with data-confirm="…" ask before submitting.
document.addEventListener('submit', (event) => {
  const form = event.target;
  const message = form.getAttribute('data-confirm') || event.submitter?.getAttribute('data-confirm');
  if (message && !window.confirm(message)) event.preventDefault();
});
