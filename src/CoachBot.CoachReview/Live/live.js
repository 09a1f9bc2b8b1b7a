// Live coach pages: the header counts follow the caseload, and the queue and inbox reload their content when it
// changes, over server-sent events from /coach/live/events. Without this script the pages still work on reload.
(function () {
  'use strict';
  if (!window.EventSource) { return; }
  var fragments = { '/coach': '/coach/live/queue', '/coach/inbox': '/coach/live/inbox' };
  var fragment = fragments[window.location.pathname];
  var seen = null;

  function show(id, n) {
    var el = document.getElementById(id);
    if (el) { el.textContent = '(' + n + ')'; }
  }

  function reload() {
    var url = fragment + window.location.search;
    fetch(url, { credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        var main = document.querySelector('main');
        if (html !== null && main) { main.innerHTML = html; main.setAttribute('data-live-updated', String(Date.now())); }
      });
  }

  var events = new EventSource('/coach/live/events');
  events.addEventListener('counts', function (e) {
    var c = JSON.parse(e.data);
    show('live-queue', c.queue);
    show('live-inbox', c.inbox);
    if (seen !== null && c.version !== seen && fragment) { reload(); }
    seen = c.version;
  });
})();
