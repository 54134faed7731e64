// PostHog in the browser. Loaded by _AnalyticsHead only when a PostHog key is configured AND the visitor
// agreed to analytics cookies (tic.consent=analytics). No inline script: the key and host come from data- attributes.
(function () {
  const me = document.currentScript;
  if (!me) return;
  const key = me.getAttribute('data-key');
  const host = (me.getAttribute('data-host') || '').replace(/\/+$/, '');
  const distinctId = me.getAttribute('data-distinct-id');
  if (!key || !host || !/(^|;\s*)tic\.consent=analytics(;|$)/.test(document.cookie)) return;

  // The queueing stub PostHog's loader expects; calls made before it loads are replayed.
  const posthog = window.posthog = window.posthog || [];
  if (posthog.__SV) return;
  posthog._i = [];
  posthog.__SV = 1;
  ['capture', 'identify', 'reset', 'register', 'opt_out_capturing', 'opt_in_capturing'].forEach(function (m) {
    posthog[m] = function () { posthog.push([m].concat(Array.prototype.slice.call(arguments))); };
  });
  posthog._i.push([key, {
    api_host: host,
    persistence: 'cookie',
    person_profiles: 'identified_only',
    // Never send what people type or what is marked sensitive.
    mask_all_text: false,
    mask_all_element_attributes: false,
    session_recording: {
      maskAllInputs: true,
      maskTextSelector: '.ph-no-capture, [data-sensitive="true"]',
      blockClass: 'ph-no-capture',
      blockSelector: '.ph-no-capture, [data-sensitive="true"]',
    },
    autocapture: { element_allowlist: ['a', 'button'] },
    loaded: function (ph) { if (distinctId) ph.identify(distinctId); },
  }, 'posthog']);

  const script = document.createElement('script');
  script.async = true;
  script.crossOrigin = 'anonymous';
  script.src = host + '/static/array.js';
  document.head.appendChild(script);
})();
