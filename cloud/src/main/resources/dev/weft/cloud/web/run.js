// Run page: charts fed by server-sent events; points are kept by second so resent seconds replace.
(function () {
  const root = document.getElementById('run');
  const id = root.dataset.runId;
  const defs = [
    ['vus', 'VUs', [['vus', 'VUs', '#7b3fe4']]],
    ['rps', 'Requests per second', [['rps', 'req/s', '#3b82f6']]],
    ['latency', 'Response time (ms)', [['avg', 'avg', '#10b981'], ['p95', 'p95', '#f59e0b'], ['p99', 'p99', '#ef4444']]],
    ['errors', 'Failed requests per second', [['errors', 'failed/s', '#ef4444']]],
    ['checks', 'Checks passed (%)', [['checks', 'passed %', '#2e9e4f']]],
  ];
  const charts = {};
  for (const [key, title, lines] of defs) {
    charts[key] = new Chart(document.getElementById('chart-' + key), {
      type: 'line',
      data: { labels: [], datasets: lines.map(([field, label, color]) => ({
        label: label, field: field, data: [], borderColor: color, backgroundColor: color, pointRadius: 0, spanGaps: true })) },
      options: { animation: false, responsive: true, maintainAspectRatio: false,
        plugins: { title: { display: true, text: title } }, scales: { y: { beginAtZero: true } } },
    });
  }
  window.weftCharts = charts;
  const points = new Map();
  const fields = ['vus', 'rps', 'avg', 'p95', 'p99', 'errors', 'checks'];

  function label(second, first) {
    const s = second - first;
    return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
  }
  function applyCharts(c) {
    c.seconds.forEach((second, i) => {
      const row = {};
      for (const f of fields) row[f] = c[f][i];
      points.set(second, row);
    });
    const seconds = [...points.keys()].sort((a, b) => a - b);
    const first = seconds.length ? seconds[0] : 0;
    for (const [key, , lines] of defs) {
      const chart = charts[key];
      const present = seconds.filter(s => lines.some(([f]) => points.get(s)[f] !== null && points.get(s)[f] !== undefined));
      chart.data.labels = present.map(s => label(s, first));
      chart.data.datasets.forEach(ds => { ds.data = present.map(s => points.get(s)[ds.field]); });
      chart.update('none');
      document.getElementById('box-' + key).dataset.points = String(present.length);
    }
  }
  function applyRun(run) {
    const badge = document.getElementById('run-state');
    badge.className = 'badge ' + run.run_state.toLowerCase();
    badge.textContent = run.run_state_label;
    const result = document.getElementById('result');
    result.textContent = run.outcome || '';
    result.className = result.textContent.replace(' ', '');
    applyAccounting(run);
    const statuses = { 3: 'finished', 5: 'aborted by user', 6: 'aborted by system', 7: 'aborted by script error', 8: 'aborted by threshold' };
    document.getElementById('run-status').textContent = run.run_status == null ? 'streaming' : (statuses[run.run_status] || 'status ' + run.run_status);
    const rows = [];
    for (const [metric, sources] of Object.entries(run.thresholds || {})) {
      for (const source of sources) {
        const tr = document.createElement('tr');
        const failed = run.threshold_results && run.threshold_results[metric] ? run.threshold_results[metric][source] : undefined;
        for (const text of [metric, source, failed === undefined ? 'pending' : failed ? 'failed' : 'passed']) {
          const td = document.createElement('td'); td.textContent = text; tr.appendChild(td);
        }
        tr.lastChild.className = failed === undefined ? '' : failed ? 'failed' : 'passed';
        rows.push(tr);
      }
    }
    document.getElementById('thresholds').replaceChildren(...rows);
  }
  // What arrived, what went into overflow series and what was lost, so no loss is silent.
  function applyAccounting(run) {
    document.getElementById('samples').textContent = run.samples_received + ' samples';
    const overflow = document.getElementById('overflow');
    overflow.hidden = !run.overflow_samples;
    overflow.textContent = run.overflow_samples ? run.overflow_samples + ' samples past the series budget went into ' +
      'one overflow series per metric (totals and percentiles exact, their tag sets not kept apart)' : '';
    const box = document.getElementById('losses');
    box.hidden = !run.lost_samples;
    document.getElementById('lost-total').textContent = run.lost_samples ? run.lost_samples + ' samples lost' : '';
    document.getElementById('loss-list').replaceChildren(...(run.losses || []).map(l => {
      const li = document.createElement('li');
      li.textContent = l.samples + ' samples in ' + l.batches + ' batches: ' + l.description +
        (l.last_message ? ' (' + l.last_message + ')' : '');
      return li;
    }));
  }
  const source = new EventSource('/api/runs/' + id + '/events');
  source.addEventListener('update', e => {
    const update = JSON.parse(e.data);
    applyRun(update.run);
    applyCharts(update.charts);
    if (update.run.run_state !== 'RUNNING') source.close();
  });
})();
