// Keeps the rollouts table live while a rollout runs: each row's status, states and waves from the REST API
// every few seconds (text only, never markup from the server).
(function () {
  const table = document.getElementById('rollouts');
  if (!table) {
    return;
  }
  const states = rollout => Object.entries(rollout.states).map(([state, n]) => n + ' ' + state.toLowerCase()).join(' · ');
  const waves = rollout => rollout.waves.map((wave, i) => (i + 1) + ': ' + (wave.SUCCEEDED || 0) + '/'
    + Object.values(wave).reduce((a, b) => a + b, 0)).join(' · ');
  const draw = rollouts => rollouts.forEach(rollout => {
    const row = table.querySelector('tr[data-rollout="' + rollout.id + '"]');
    if (row) {
      row.querySelector('.status').textContent = rollout.status;
      row.querySelector('.states').textContent = states(rollout);
      row.querySelector('.waves').textContent = waves(rollout);
      row.dataset.refreshed = String(Number(row.dataset.refreshed || 0) + 1);
    }
  });
  const refresh = () => fetch('/api/v1/rollouts', {headers: {Accept: 'application/json'}})
    .then(response => response.ok ? response.json() : [])
    .then(draw)
    .catch(() => {});
  setInterval(refresh, 3000);
})();
