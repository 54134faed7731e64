// The analytics cookie choice: Accept sets tic.consent=analytics, Decline tic.consent=declined (180 days,
// SameSite=Lax, Secure on https). Until Accept, no analytics script and no analytics cookie.
(function () {
  const maxAge = 180 * 24 * 60 * 60;

  function setChoice(choice) {
    let cookie = 'tic.consent=' + choice + '; Path=/; Max-Age=' + maxAge + '; SameSite=Lax';
    if (location.protocol === 'https:') cookie += '; Secure';
    document.cookie = cookie;
  }

  function clearAnalyticsCookies() {
    document.cookie.split(';').map(function (c) { return c.trim().split('=')[0]; })
      .filter(function (name) { return name.indexOf('ph_') === 0; })
      .forEach(function (name) { document.cookie = name + '=; Path=/; Max-Age=0; SameSite=Lax'; });
  }

  document.addEventListener('click', function (event) {
    const button = event.target.closest('[data-consent]');
    if (!button) return;
    const choice = button.getAttribute('data-consent');
    if (choice === 'analytics') {
      setChoice('analytics');
      location.reload();
    } else if (choice === 'declined') {
      setChoice('declined');
      clearAnalyticsCookies();
      const banner = document.querySelector('.consent-banner');
      if (banner) banner.hidden = true;
      if (window.posthog && window.posthog.opt_out_capturing) { window.posthog.opt_out_capturing(); location.reload(); }
    } else if (choice === 'reset') {
      document.cookie = 'tic.consent=; Path=/; Max-Age=0; SameSite=Lax';
      clearAnalyticsCookies();
      location.reload();
    }
  });
})();
