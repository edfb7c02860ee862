// A test's page: its runs (newest first), trends across them, and a pick of any two runs to compare.
(function () {
  const W = window.Weft;
  const { el, api, cell, $ } = W;
  const id = $('test').dataset.testId;

  function trendCharts(runs) {
    const box = $('trends');
    const chrono = runs.slice().reverse();
    const x = r => Number(W.header(r).id);
    const defs = [['p95Ms', 'p95 response time (ms)', 1], ['reqRate', 'Request rate (req/s)', 1],
      ['failRate', 'Failed requests (%)', 100], ['thresholdsPassed', 'Thresholds passed', 1]];
    box.replaceChildren();
    defs.forEach(([key, title, scale], i) => {
      const chart = new W.Chart(el('div', { id: 'trend-' + key }), title + ' by run', { runs: true });
      box.append(chart.box);
      const points = chrono.filter(r => r.trend && r.trend[key] !== null && r.trend[key] !== undefined)
        .map(r => [x(r), r.trend[key] * scale]);
      const lines = [{ label: title, points: points, color: W.color(i) }];
      if (key === 'thresholdsPassed') {
        lines.push({ label: 'thresholds', color: W.color(7), points: chrono.filter(r => r.trend && r.trend.thresholdsTotal != null)
          .map(r => [x(r), r.trend.thresholdsTotal]) });
      }
      chart.setLines(lines);
    });
  }

  function runsTable(runs) {
    const rows = runs.map((r, i) => {
      const h = W.header(r);
      const t = r.trend || {};
      return el('tr', { id: 'run-' + h.reference_id },
        el('td', null, el('input', { type: 'radio', name: 'base', value: h.reference_id, id: 'base-' + h.reference_id, checked: i === 1 ? '' : null })),
        el('td', null, el('input', { type: 'radio', name: 'run', value: h.reference_id, id: 'pick-' + h.reference_id, checked: i === 0 ? '' : null })),
        el('td', null, el('a', { href: '/runs/' + h.reference_id, text: '#' + h.reference_id })),
        el('td', null, W.badge(h.stateKey, h.stateLabel)), cell(h.outcomeText, h.outcomeText.replace(' ', '')),
        cell(W.date(h.createdMs)), cell(W.ms(t.p95Ms), 'num'), cell(W.num(t.reqRate), 'num'), cell(W.pct(t.failRate), 'num'),
        cell(t.thresholdsTotal ? t.thresholdsPassed + '/' + t.thresholdsTotal : '–', 'num'), cell(W.pct(t.checksPassRate), 'num'));
    });
    $('test-runs').replaceChildren(W.table(['Baseline', 'Compare', 'Run', 'State', 'Result', 'Started', ['p95', 'num'],
      ['req/s', 'num'], ['Failed', 'num'], ['Thresholds passed', 'num'], ['Checks passed', 'num']], rows, 'runs'));
  }

  $('compare').addEventListener('click', () => {
    const base = document.querySelector('input[name=base]:checked');
    const run = document.querySelector('input[name=run]:checked');
    if (!base || !run || base.value === run.value) {
      $('compare-note').textContent = 'Pick two different runs: one baseline, one to compare.';
      return;
    }
    location.href = W.q('/compare', [['base', base.value], ['run', run.value]]);
  });

  api('/api/tests/' + id).then(t => {
    $('test-name').textContent = t.name;
    $('test-meta').textContent = 'project ' + t.projectId + ' · ' + t.runs.length + ' runs';
    runsTable(t.runs);
    trendCharts(t.runs);
    $('test').dataset.loaded = 'true';
  }).catch(e => W.showError($('test-runs'), e));
})();
