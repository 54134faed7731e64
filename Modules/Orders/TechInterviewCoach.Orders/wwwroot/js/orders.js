// Orders pages' behaviour (no inline script: the CSP forbids it).
(function () {
  // The success page polls until the webhook has confirmed the payment; the order is never fulfilled from here.
  var waiting = document.querySelector('[data-confirming-order]');
  if (waiting) {
    var id = waiting.getAttribute('data-confirming-order');
    var tries = 0;
    var poll = function () {
      tries++;
      fetch('/api/orders/' + encodeURIComponent(id), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (o) {
          if (o && (o.confirmed || (o.state !== 'Pending' && o.state !== 'Processing'))) {
            window.location.replace('/orders/' + encodeURIComponent(id));
          } else if (tries < 120) {
            setTimeout(poll, 1000);
          }
        })
        .catch(function () { if (tries < 120) setTimeout(poll, 2000); });
    };
    setTimeout(poll, 500);
  }
  // Checkout: allow exactly N slots.
  var picker = document.querySelector('[data-slot-picker]');
  if (picker) {
    var need = parseInt(picker.getAttribute('data-slot-picker'), 10);
    var counter = document.querySelector('[data-slot-count]');
    var update = function () {
      var boxes = picker.querySelectorAll('input[type=checkbox]');
      var chosen = picker.querySelectorAll('input[type=checkbox]:checked').length;
      boxes.forEach(function (b) { b.disabled = !b.checked && chosen >= need; });
      if (counter) counter.textContent = chosen + ' of ' + need + ' chosen';
    };
    picker.addEventListener('change', update);
    // A page restored by Back (from the back/forward cache) keeps its ticks: count them again.
    window.addEventListener('pageshow', update);
    update();
  }
})();
