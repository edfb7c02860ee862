// The run page's tabs: each renders its panel from the API for the run and the current filters.
// Called by run.js; every path goes through Weft.api, so the exported report answers them too.
(function () {
  const W = window.Weft;
  const { el, api, q, cell, num } = W;
  const tabs = W.runTabs = {};

  /** The series stat a threshold's expression tests, for charting its metric against the limit. */
  function thresholdStat(t) {
    const s = t.stat || 'value';
    return ['avg', 'min', 'max', 'med', 'count', 'rate', 'value'].includes(s) || /^p\(\d+(\.\d+)?\)$/.test(s) ? s : 'value';
  }
  W.thresholdStat = thresholdStat;
  /** A threshold's metric and tag filters: k6's submetric syntax "metric{key:value,...}" becomes tag filters. */
  function thresholdSeries(t, filters) {
    const m = /^([^{]+)\{(.*)\}$/.exec(t.metric);
    if (!m) return { metric: t.metric, filters: filters };
    const tags = Object.assign({}, (filters && filters.tags) || {});
    for (const pair of m[2].split(',')) {
      const i = pair.indexOf(':');
      if (i > 0) tags[pair.slice(0, i).trim()] = pair.slice(i + 1).trim();
    }
    return { metric: m[1], filters: Object.assign({}, filters || {}, { tags: tags }) };
  }
  W.thresholdSeries = thresholdSeries;
  W.PHASES = ['http_req_blocked', 'http_req_connecting', 'http_req_tls_handshaking', 'http_req_sending',
    'http_req_waiting', 'http_req_receiving'];
  W.HTTP_ROW_CHARTS = 10;

  function base(ctx) { return '/api/runs/' + ctx.id; }
  function filtered(ctx, path) { return q(base(ctx) + path, W.filterParams(ctx.filters)); }
  function chartBox(parent, id, wide) {
    const box = el('div', { id: id, class: wide ? 'chart wide' : 'chart' });
    parent.append(box);
    return box;
  }

  tabs.thresholds = function (ctx, panel) {
    return api(filtered(ctx, '/thresholds')).catch(() => fromHeader(ctx.header)).then(list => {
      if (!ctx.fresh()) return;
      const charts = el('section', { class: 'charts' });
      const rows = list.map((t, i) => {
        const tr = el('tr', { id: 'threshold-' + i, dataset: { metric: t.metric } },
          cell(t.metric), cell(t.expression), cell(t.observed === undefined ? '–' : W.num(t.observed), 'num observed'),
          cell(t.ok === undefined || t.ok === null ? 'pending' : t.ok ? 'passed' : 'failed',
            t.ok === undefined || t.ok === null ? '' : t.ok ? 'passed' : 'failed'),
          cell(t.abortOnFail ? 'aborts the run' : ''));
        const chart = new W.Chart(chartBox(charts, 'chart-threshold-' + i), t.metric + ' ' + thresholdStat(t) + ' against ' + t.expression);
        const sub = thresholdSeries(t, ctx.filters);
        W.loadChart(chart, W.seriesPath(ctx.id, sub.metric, thresholdStat(t), null, sub.filters), t.limit);
        return tr;
      });
      panel.replaceChildren(
        list.length ? W.table(['Metric', 'Threshold', ['Observed', 'num'], 'Result', ''], rows, 'thresholds') : el('p', { class: 'note', text: 'This run has no thresholds.' }),
        charts);
      // the old table's id, kept for scripts reading it
      const tbody = panel.querySelector('tbody');
      if (tbody) tbody.id = 'thresholds';
    });
  };
  /** Before the thresholds endpoint answers: the expressions and pass/fail from the run header. */
  function fromHeader(h) {
    const out = [];
    for (const [metric, sources] of Object.entries(h.thresholds || {})) {
      for (const source of sources) {
        const r = h.threshold_results && h.threshold_results[metric] ? h.threshold_results[metric][source] : undefined;
        out.push({ metric: metric, expression: source, ok: r === undefined ? null : !r });
      }
    }
    return out;
  }

  tabs.checks = function (ctx, panel) {
    return api(filtered(ctx, '/checks')).then(c => {
      if (!ctx.fresh()) return;
      const tree = el('div', { class: 'tree', id: 'checks-tree' });
      const roots = c.groups || [];
      const isRoot = roots.length === 1 && (roots[0].path === '' || roots[0].path === undefined);
      tree.append(el('ul', null, roots.map(g => group(g, isRoot))));
      const charts = el('section', { class: 'charts' });
      const chart = new W.Chart(chartBox(charts, 'chart-check-fails', true), 'Check failures over time');
      W.loadChart(chart, W.seriesPath(ctx.id, 'checks', 'fails', 'check', ctx.filters));
      panel.replaceChildren(tree, charts);
    });
  };
  function group(g, root) {
    const checks = (g.checks || []).map(c => {
      const total = (c.passes || 0) + (c.fails || 0);
      return el('li', { class: 'check', dataset: { group: g.path || '', check: c.name, passes: c.passes, fails: c.fails } },
        el('span', { class: 'name', text: (c.fails ? '✗ ' : '✓ ') + c.name }),
        el('span', { class: 'passes ok', text: num(c.passes) + ' passed' }),
        el('span', { class: c.fails ? 'fails bad' : 'fails', text: num(c.fails) + ' failed' }),
        el('span', { class: 'note', text: total ? W.pct((c.passes || 0) / total) : '' }));
    });
    return el('li', { class: 'group', dataset: { path: g.path || '' } },
      el('div', { class: 'group-name', text: root && !g.name ? '(root group)' : '▸ ' + (g.name || g.path) }),
      el('ul', null, checks, (g.groups || []).map(sub => group(sub, false))));
  }

  tabs.http = function (ctx, panel) {
    return api(filtered(ctx, '/http')).then(rows => {
      if (!ctx.fresh()) return;
      const rowCharts = el('section', { class: 'charts', id: 'http-row-charts' });
      const trs = rows.map((r, i) => {
        const tr = el('tr', { class: 'clickable', id: 'http-row-' + i,
          dataset: { name: r.name, method: r.method, status: r.status, count: r.count, failures: r.failures } },
          cell(r.name || r.url), cell(r.method), cell(r.status, 'num'), cell(num(r.count), 'num count'),
          cell(num(r.failures), 'num failures' + (r.failures ? ' bad' : '')), cell(W.ms(r.avgMs), 'num'),
          cell(W.ms(r.p95Ms), 'num'), cell(W.ms(r.p99Ms), 'num'));
        tr.addEventListener('click', () => {
          for (const o of panel.querySelectorAll('tr.selected')) o.classList.remove('selected');
          tr.classList.add('selected');
          openRow(ctx, r, rowCharts);
        });
        return tr;
      });
      const phases = el('section', { class: 'charts' });
      const phaseChart = new W.Chart(chartBox(phases, 'chart-phases', true), 'HTTP timing phases (avg, ms)');
      Promise.all(W.PHASES.map(m => api(W.seriesPath(ctx.id, m, 'avg', null, ctx.filters))
        .then(s => (s.lines || []).map(l => Object.assign({}, l, { label: m.replace('http_req_', '') })))
        .catch(() => [])))
        .then(all => phaseChart.setLines(all.flat()));
      panel.replaceChildren(
        rows.length ? W.table(['Name / URL', 'Method', ['Status', 'num'], ['Count', 'num'], ['Failures', 'num'],
          ['Avg', 'num'], ['p95', 'num'], ['p99', 'num']], trs, 'http') : el('p', { class: 'note', text: 'No HTTP requests.' }),
        el('p', { class: 'note', text: 'Click a row for its own charts.' }), rowCharts, el('h2', { text: 'Timing phases' }), phases);
      const tbody = panel.querySelector('table.http tbody');
      if (tbody) tbody.id = 'http-rows';
    });
  };
  W.rowFilters = function (filters, r) {
    const tags = Object.assign({}, (filters && filters.tags) || {}, { name: r.name, method: r.method, status: String(r.status) });
    return Object.assign({}, filters || {}, { tags: tags });
  };
  function openRow(ctx, r, box) {
    const f = W.rowFilters(ctx.filters, r);
    const label = r.method + ' ' + (r.name || r.url) + ' ' + r.status;
    const d = new W.Chart(el('div', { id: 'chart-row-duration' }), label + ': response time p95 (ms)');
    const n = new W.Chart(el('div', { id: 'chart-row-rate' }), label + ': requests per second');
    box.replaceChildren(d.box, n.box);
    W.loadChart(d, W.seriesPath(ctx.id, 'http_req_duration', 'p(95)', null, f));
    W.loadChart(n, W.seriesPath(ctx.id, 'http_reqs', 'rate', null, f));
  }

  tabs.scenarios = function (ctx, panel) {
    const charts = el('section', { class: 'charts' });
    panel.replaceChildren(el('p', { class: 'note', text: 'One line per scenario. Pick a scenario, group or tag above to filter every chart and table.' }), charts);
    const defs = [['http_reqs', 'rate', 'Requests per second'], ['http_req_duration', 'p(95)', 'Response time p95 (ms)'],
      ['iterations', 'rate', 'Iterations per second'], ['http_req_failed', 'value', 'Failed request rate']];
    return Promise.all(defs.map(([m, s, title], i) => W.loadChart(new W.Chart(chartBox(charts, 'chart-scenario-' + i), title + ' by scenario'),
      W.seriesPath(ctx.id, m, s, 'scenario', ctx.filters))));
  };

  tabs.metrics = function (ctx, panel) {
    return api(filtered(ctx, '/metrics')).then(list => {
      if (!ctx.fresh()) return;
      const rows = list.map(m => el('tr', { id: 'metric-' + m.name, dataset: { name: m.name } },
        cell(m.name), cell(m.type + (m.contains && m.contains !== 'default' ? ' (' + m.contains + ')' : '')),
        cell(summaryText(m), 'values')));
      panel.replaceChildren(W.table(['Metric', 'Type', 'Values'], rows, 'metrics'));
    });
  };
  /** One metric's values as k6's end-of-test summary prints them. */
  function summaryText(m) {
    const v = m.values || {};
    const f = x => W.metricValue(x, m.contains);
    switch (m.type) {
      case 'trend': return ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'].filter(k => v[k] !== undefined).map(k => k + '=' + f(v[k])).join('  ');
      case 'counter': return f(v.count) + '  ' + f(v.rate) + '/s'; // k6: "3.8 kB 903 B/s"
      case 'rate': return W.pct(v.rate !== undefined ? v.rate : v.value) + '  ' + num(v.passes) + ' out of ' + num((v.passes || 0) + (v.fails || 0));
      default: return f(v.value) + '  min=' + f(v.min) + '  max=' + f(v.max);
    }
  }

  tabs.logs = function (ctx, panel) {
    const f = ctx.filters || {};
    // logs follow the scenario and the zoom; group and tag filters do not apply to log lines
    const page = W.runPage;
    const path = q(base(ctx) + '/logs', [['after', 0], ['limit', 1000], ['level', page.logLevel],
      ['scenario', f.scenario], ['from', f.from != null ? Math.floor(f.from) : null], ['to', f.to != null ? Math.ceil(f.to) : null]]);
    return api(path).then(lines => {
      if (!ctx.fresh()) return;
      const level = el('select', { id: 'log-level', disabled: W.exported ? '' : null },
        [['', 'all levels'], ['error', 'errors'], ['warn', 'warnings'], ['info', 'info'], ['debug', 'debug']]
          .map(([v, t]) => el('option', { value: v, text: t, selected: (page.logLevel || '') === v ? '' : null })));
      level.addEventListener('change', () => { page.logLevel = level.value || undefined; ctx.reload(); });
      const rows = (lines || []).map(l => el('tr', { class: 'level-' + (l.level || 'info') },
        cell(new Date(l.t).toLocaleTimeString()), cell(l.level),
        cell([l.source, l.scenario, l.vu != null ? 'VU ' + l.vu : null, l.iteration != null ? 'iteration ' + l.iteration : null]
          .filter(x => x !== null && x !== undefined && x !== '').join(' · ')), cell(l.message)));
      panel.replaceChildren(el('p', null, level, ' ', el('span', { class: 'note', text: rows.length >= 1000
        ? 'The first 1,000 lines.' : rows.length + ' lines' })),
      rows.length ? W.table(['Time', 'Level', 'Source', 'Message'], rows, 'logs') : el('p', { class: 'note', text: 'Nothing logged.' }));
    });
  };
})();
