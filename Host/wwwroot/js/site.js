// Site-wide behaviour without inline script (the CSP forbids it).
document.documentElement.classList.add('js');

// Forms or buttons with data-confirm="…" ask before submitting.
document.addEventListener('submit', (event) => {
  const form = event.target;
  const message = form.getAttribute('data-confirm') || event.submitter?.getAttribute('data-confirm');
  if (message && !window.confirm(message)) event.preventDefault();
});

// The navigation collapses behind a menu button on narrow screens (CSS decides when the button shows).
(() => {
  const button = document.querySelector('.menu-button');
  const nav = document.getElementById('site-nav');
  if (!button || !nav) return;
  button.hidden = false;
  const set = (open) => {
    button.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('open', open);
  };
  button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') { set(false); button.focus(); }
  });
})();

// The form error pattern (with _ErrorSummary.cshtml): focus the summary, mark each field aria-invalid and point
// aria-describedby at its inline error; a summary link moves focus to its field.
(() => {
  const summary = document.querySelector('[data-error-summary]');
  if (!summary) return;
  const byName = (name) => document.querySelector(`main [name="${CSS.escape(name)}"]:not([type=hidden])`);
  const findField = (key, id) => {
    const direct = document.getElementById(id);
    if (direct && direct.matches('input, select, textarea')) return direct;
    const shortKey = key.replace(/^Input\./, '');
    const camel = shortKey.charAt(0).toLowerCase() + shortKey.slice(1);
    return byName(key) || byName(shortKey) || byName(camel)
      || document.querySelector(`main [data-error-for="${CSS.escape(camel)}"]`)?.closest('.field, fieldset')?.querySelector('input:not([type=hidden]), select, textarea');
  };
  const findError = (key, field) => {
    const shortKey = key.replace(/^Input\./, '');
    const camel = shortKey.charAt(0).toLowerCase() + shortKey.slice(1);
    return document.querySelector(`main [data-valmsg-for="${CSS.escape(key)}"]`)
      || document.querySelector(`main [data-error-for="${CSS.escape(camel)}"]`)
      || field.closest('.field, fieldset')?.querySelector('.error-text, .field-validation-error');
  };
  let n = 0;
  summary.querySelectorAll('a[data-field]').forEach((link) => {
    const key = link.getAttribute('data-field');
    const field = findField(key, link.getAttribute('href').slice(1));
    if (!field) { link.replaceWith(document.createTextNode(link.textContent)); return; }
    if (!field.id) field.id = 'field-' + (++n);
    link.setAttribute('href', '#' + field.id);
    field.setAttribute('aria-invalid', 'true');
    const error = findError(key, field);
    if (error && error.textContent.trim()) {
      if (!error.id) error.id = field.id + '-error';
      const described = (field.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
      if (!described.includes(error.id)) described.push(error.id);
      field.setAttribute('aria-describedby', described.join(' '));
    }
    link.addEventListener('click', (e) => { e.preventDefault(); field.focus(); });
  });
  summary.focus();
})();

// Wide tables scroll inside their own box, which the keyboard can reach (a labelled region, named after the table's
// caption or the heading before it).
document.querySelectorAll('main table.data').forEach((table) => {
  if (table.parentElement.classList.contains('table-scroll')) return;
  const box = document.createElement('div');
  box.className = 'table-scroll';
  box.tabIndex = 0;
  box.setAttribute('role', 'region');
  let label = table.caption?.textContent?.trim();
  for (let el = table.previousElementSibling ?? table.parentElement; !label && el && el !== document.body; el = el.previousElementSibling ?? el.parentElement) {
    if (/^H[1-6]$/.test(el.tagName)) label = el.textContent.trim();
  }
  box.setAttribute('aria-label', label || 'Table');
  table.replaceWith(box);
  box.appendChild(table);
});
