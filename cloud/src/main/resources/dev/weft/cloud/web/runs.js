// Runs list: polls /api/runs and redraws the table, so run states change without a reload.
(function () {
  const body = document.getElementById('runs');
  function cell(text) { const td = document.createElement('td'); td.textContent = text; return td; }
  function result(run) {
    return run.outcome || '';
  }
  function render(runs) {
    const rows = runs.map(run => {
      const tr = document.createElement('tr');
      tr.id = 'run-' + run.reference_id;
      tr.appendChild(cell(run.reference_id));
      const name = document.createElement('td');
      const link = document.createElement('a');
      link.href = '/runs/' + run.reference_id;
      link.textContent = run.name;
      name.appendChild(link);
      tr.appendChild(name);
      const state = document.createElement('td');
      const badge = document.createElement('span');
      badge.className = 'badge state ' + run.run_state.toLowerCase();
      badge.textContent = run.run_state_label;
      state.appendChild(badge);
      tr.appendChild(state);
      const res = cell(result(run));
      res.className = result(run).replace(' ', '');
      tr.appendChild(res);
      tr.appendChild(cell(run.vus));
      tr.appendChild(cell(new Date(run.created_at).toLocaleString()));
      return tr;
    });
    body.replaceChildren(...rows);
  }
  function poll() {
    fetch('/api/runs', { credentials: 'same-origin' })
      .then(r => r.ok ? r.json() : Promise.reject(r.status))
      .then(data => render(data.runs))
      .catch(() => {})
      .finally(() => setTimeout(poll, 2000));
  }
  poll();
})();
