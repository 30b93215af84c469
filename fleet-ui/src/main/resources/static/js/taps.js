// Keeps the taps table live: each tap's lag, unacknowledged, redelivered, floor, throughput, missed and dead letters
// from the REST API every few seconds (text only, never markup from the server).
(function () {
  const table = document.getElementById('taps');
  if (!table) {
    return;
  }
  const number = value => value === null || value === undefined ? '' : Number(value).toLocaleString('en');
  const missed = tap => tap.missedMessages === 0 ? 'none' : (tap.exactGaps ? '' : 'up to ') + tap.missedMessages;
  const set = (row, selector, text) => {
    const cell = row.querySelector(selector);
    if (cell) {
      cell.textContent = text;
    }
  };
  const draw = taps => taps.forEach(tap => {
    const row = table.querySelector('tr[data-tap="' + CSS.escape(tap.name) + '"]');
    if (!row) {
      return;
    }
    const status = tap.status;
    set(row, '.lag', status ? number(status.pending) : 'hub unreachable');
    set(row, '.unacknowledged', status ? number(status.ackPending) : '');
    set(row, '.redelivered', status ? number(status.redelivered) : '');
    set(row, '.floor', status ? String(status.ackFloor) : '');
    set(row, '.throughput', tap.throughput === null ? '–' : tap.throughput.toFixed(1));
    set(row, '.missed', missed(tap));
    set(row, '.dead-letters', String(tap.deadLetters));
    set(row, '.state', tap.paused ? 'paused' : 'reading');
    row.dataset.refreshed = String(Number(row.dataset.refreshed || 0) + 1);
  });
  // one request at a time: a slow hub must not pile requests up behind each other
  let inFlight = false;
  const refresh = () => {
    if (inFlight) {
      return;
    }
    inFlight = true;
    fetch('/api/v1/taps', {headers: {Accept: 'application/json'}})
      .then(response => response.ok ? response.json() : [])
      .then(draw)
      .catch(() => {})
      .finally(() => { inFlight = false; });
  };
  setInterval(refresh, 5000);
})();
