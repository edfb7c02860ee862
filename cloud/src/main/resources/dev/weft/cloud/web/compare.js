// Two runs side by side: overlaid charts (seconds since each run's start), and deltas per metric,
// per URL and per check. Either run can be the baseline (the swap button).
(function () {
  const W = window.Weft;
  const { el, api, cell, $ } = W;
  const params = new URLSearchParams(location.search);
  const base = params.get('base');
  const run = params.get('run');

  function delta(d, pct, lowerIsBetter) {
    if (d === null || d === undefined) return cell('–', 'num');
    const cls = d === 0 || lowerIsBetter === null ? 'num' : (d > 0) === lowerIsBetter ? 'num delta-up' : 'num delta-down';
    return cell((d > 0 ? '+' : '') + W.num(d) + (pct === null || pct === undefined ? '' : ' (' + (pct > 0 ? '+' : '') + W.num(pct, 1) + ' %)'), cls);
  }
  function overlay(key, metric, stat, title) {
    const chart = new W.Chart(el('div', { id: 'overlay-' + key }), title, { relative: true });
    $('overlays').append(chart.box);
    Promise.all([base, run].map((id, i) => api(W.seriesPath(id, metric, stat, null, null))
      .then(s => (s.lines || []).map(l => ({ label: (i ? 'run #' : 'baseline #') + id, points: l.points, color: W.color(i ? 3 : 1) })))
      .catch(() => [])))
      .then(all => chart.setLines(all.flat()));
  }

  $('swap').addEventListener('click', () => { location.href = W.q('/compare', [['base', run], ['run', base]]); });
  api(W.q('/api/compare', [['base', base], ['run', run]])).then(c => {
    const b = W.header(c.base);
    const r = W.header(c.run);
    $('compare-title').textContent = 'Run #' + r.reference_id + ' against baseline #' + b.reference_id;
    $('compare-meta').replaceChildren('baseline ', el('a', { href: '/runs/' + b.reference_id, text: b.name + ' #' + b.reference_id }),
      ' (' + W.date(b.createdMs) + ') · run ', el('a', { href: '/runs/' + r.reference_id, text: r.name + ' #' + r.reference_id }),
      ' (' + W.date(r.createdMs) + ')');
    // colours only where better is known: less time and fewer failures; more requests and passed checks
    const lowerIsBetter = name => /^(http_req_(?!s$)|iteration_duration|group_duration)/.test(name) ? true
      : /^(http_reqs|iterations|checks)$/.test(name) ? false : null;
    $('compare-metrics').replaceChildren(W.table(['Metric', 'Stat', ['Baseline', 'num'], ['Run', 'num'], ['Delta', 'num']],
      (c.metrics || []).map(m => el('tr', { id: 'delta-' + m.name + '-' + m.stat, dataset: { metric: m.name, stat: m.stat, delta: m.delta } },
        cell(m.name), cell(m.stat), cell(W.num(m.base), 'num'), cell(W.num(m.run), 'num'),
        delta(m.delta, m.deltaPct, lowerIsBetter(m.name)))), 'compare'));
    $('compare-http').replaceChildren(W.table(['Name / URL', 'Method', ['Status', 'num'], ['Count', 'num'], ['Δ count', 'num'],
      ['Failures', 'num'], ['Δ failures', 'num'], ['p95', 'num'], ['Δ p95', 'num']],
      (c.http || []).map((h, i) => el('tr', { id: 'delta-http-' + i, dataset: { name: h.name || h.url || '', method: h.method,
        status: h.status, countDelta: part(h, 'count', 'delta') ?? '', failuresDelta: part(h, 'failures', 'delta') ?? '' } },
        cell(h.name || h.url), cell(h.method), cell(h.status, 'num'),
        cell(W.num(part(h, 'count', 'run')) + ' (was ' + W.num(part(h, 'count', 'base')) + ')', 'num'), delta(part(h, 'count', 'delta'), null, false),
        cell(W.num(part(h, 'failures', 'run')), 'num'), delta(part(h, 'failures', 'delta'), null, true),
        cell(W.ms(part(h, 'p95Ms', 'run')), 'num'), delta(part(h, 'p95Ms', 'delta'), null, true))), 'compare'));
    $('compare-checks').replaceChildren(W.table(['Group', 'Check', ['Baseline passes', 'num'], ['Baseline fails', 'num'],
      ['Run passes', 'num'], ['Run fails', 'num'], ['Δ fails', 'num']],
      (c.checks || []).map((k, i) => el('tr', { id: 'delta-check-' + i, dataset: { group: k.path || '', check: k.name,
        failsDelta: k.runFails == null || k.baseFails == null ? '' : k.runFails - k.baseFails } },
        cell(k.path || '(root)'), cell(k.name), cell(W.num(k.basePasses), 'num'), cell(W.num(k.baseFails), 'num'),
        cell(W.num(k.runPasses), 'num'), cell(W.num(k.runFails), 'num'),
        delta(k.runFails == null || k.baseFails == null ? null : k.runFails - k.baseFails, null, true))), 'compare'));
    $('compare').dataset.loaded = 'true';
  }).catch(e => W.showError($('compare-metrics'), e));
  overlay('rate', 'http_reqs', 'rate', 'Requests per second');
  overlay('p95', 'http_req_duration', 'p(95)', 'Response time p95 (ms)');
  overlay('vus', 'vus', 'value', 'VUs');
  overlay('failed', 'http_req_failed', 'value', 'Failed request rate');

  /** A compared HTTP row's figure: {base: {count, ...}, run: {...}, delta: {...}}. */
  function part(h, key, which) {
    return h[which] && typeof h[which] === 'object' ? h[which][key] : undefined;
  }
})();
