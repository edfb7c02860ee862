// The shared part of every page: the one door to the data (api), DOM and number helpers, and the
// uPlot charts with one time-range zoom that they all follow. Plain script: it defines window.Weft
// so the exported report can inline it as is (no module loader on file://).
(function () {
  const W = window.Weft = window.Weft || {};
  const embedded = window.WEFT_DATA;
  W.exported = !!embedded;

  /**
   * Every answer the pages use comes through here: the service's /api, or in an exported report
   * the answers embedded in window.WEFT_DATA under their decoded "path?query".
   */
  W.api = function (path) {
    if (embedded) {
      const key = decodeURIComponent(path);
      return Object.prototype.hasOwnProperty.call(embedded, key) ? Promise.resolve(embedded[key])
        : Promise.reject(new Error('not in this exported report (it holds the unfiltered views only)'));
    }
    return fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(r => r.ok
      ? r.json()
      : r.json().catch(() => null).then(b => Promise.reject(new Error(errorText(b) || 'HTTP ' + r.status))));
  };
  function errorText(b) {
    if (!b) return null;
    if (typeof b.error === 'string') return b.error;
    return b.error && b.error.message;
  }

  /** A path with its query in the given order (the export embeds answers under these exact keys). */
  W.q = function (path, params) {
    const parts = [];
    for (const [k, v] of params) {
      if (v !== undefined && v !== null && v !== '') parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(v));
    }
    return parts.length ? path + '?' + parts.join('&') : path;
  };
  /** The filter state as query pairs: scenario, group, tag.* by key, from, to. */
  W.filterParams = function (f) {
    const out = [];
    if (!f) return out;
    if (f.scenario) out.push(['scenario', f.scenario]);
    if (f.group) out.push(['group', f.group]);
    for (const k of Object.keys(f.tags || {}).sort()) out.push(['tag.' + k, f.tags[k]]);
    if (f.from != null) out.push(['from', Math.floor(f.from)]);
    if (f.to != null) out.push(['to', Math.ceil(f.to)]);
    return out;
  };
  W.POINTS = 600;
  W.seriesPath = function (runId, metric, stat, by, filters) {
    return W.q('/api/runs/' + runId + '/series', [['metric', metric], ['stat', stat], ['by', by], ['points', W.POINTS],
      ...W.filterParams(filters)]);
  };

  // ---- DOM and numbers ----
  W.el = function (tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (k === 'dataset') Object.assign(e.dataset, v);
      else e.setAttribute(k, v);
    }
    for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
    return e;
  };
  W.$ = id => document.getElementById(id);
  W.num = function (v, digits) {
    if (v === null || v === undefined || Number.isNaN(v)) return '–';
    if (typeof v !== 'number') return String(v);
    const d = digits !== undefined ? digits : Math.abs(v) >= 100 || Number.isInteger(v) ? 0 : Math.abs(v) >= 1 ? 2 : 4;
    return v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: 0 });
  };
  W.ms = v => v === null || v === undefined ? '–' : W.num(v, Math.abs(v) >= 100 ? 0 : 2) + ' ms';
  W.pct = v => v === null || v === undefined ? '–' : W.num(v * 100, 2) + ' %';
  W.bytes = function (v) {
    if (v === null || v === undefined) return '–';
    const units = ['B', 'kB', 'MB', 'GB', 'TB'];
    let i = 0;
    while (Math.abs(v) >= 1000 && i < units.length - 1) { v /= 1000; i++; }
    return W.num(v, i === 0 ? 0 : 1) + ' ' + units[i];
  };
  /** A value as k6's end-of-test summary prints it for the metric's kind. */
  W.metricValue = function (v, contains) {
    if (v === null || v === undefined) return '–';
    if (contains === 'time') return W.ms(v);
    if (contains === 'data') return W.bytes(v);
    return W.num(v);
  };
  W.date = t => t ? new Date(t).toLocaleString() : '–';
  W.table = function (head, rows, cls) {
    const thead = W.el('thead', null, W.el('tr', null, head.map(h => typeof h === 'string'
      ? W.el('th', { text: h }) : W.el('th', { text: h[0], class: h[1] }))));
    return W.el('table', { class: cls }, thead, W.el('tbody', null, rows));
  };
  W.cell = (text, cls) => W.el('td', { text: text, class: cls });
  W.badge = function (state, label) {
    return W.el('span', { class: 'badge state ' + String(state || '').toLowerCase().replace(/ /g, '_'), text: label || state });
  };
  /** The run header in one shape whatever the endpoint's generation ({run: {...}} or flat). */
  W.header = function (j) {
    const r = j && j.run && typeof j.run === 'object' ? Object.assign({}, j.run, j, { run: undefined }) : Object.assign({}, j);
    r.id = r.id != null && typeof r.id !== 'object' ? r.id : r.reference_id;
    r.reference_id = r.reference_id || String(r.id);
    r.stateKey = r.run_state || String(r.state || '').toUpperCase().replace(/ /g, '_');
    r.stateLabel = r.run_state_label || r.state || r.run_state;
    r.createdMs = r.createdAt || r.created_at;
    r.endedMs = r.endedAt || r.ended_at;
    r.outcomeText = r.outcome || r.result || '';
    return r;
  };
  W.showError = function (where, err) {
    where.replaceChildren(W.el('p', { class: 'note error', text: err && err.message ? err.message : String(err) }));
  };

  // ---- charts ----
  const PALETTE = ['#7b3fe4', '#3b82f6', '#f59e0b', '#ef4444', '#10b981', '#ec4899', '#14b8a6', '#a3a3a3', '#84cc16', '#6366f1'];
  W.color = i => PALETTE[i % PALETTE.length];
  const css = name => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

  /** The zoom every chart follows: {from, to} in epoch ms, or null; listeners refetch. */
  const zoom = W.zoom = { range: null, charts: new Set(), listeners: [] };
  zoom.set = function (range) {
    zoom.range = range;
    for (const c of zoom.charts) if (!c.box.isConnected && c.plot) c.destroy();
    for (const c of zoom.charts) c.applyZoom();
    for (const l of zoom.listeners) l(range);
  };

  /**
   * A chart in `box`: title, lines from the series endpoint ({label, points: [[tMs, v], ...]}),
   * optional horizontal limit line. `opts.relative` plots seconds since each line's first point
   * (the compare view's overlay); otherwise time, with the shared zoom.
   */
  W.Chart = class {
    constructor(box, title, opts) {
      this.box = box;
      this.opts = opts || {};
      this.title = W.el('h3', { text: title });
      this.body = W.el('div');
      box.classList.add('chart');
      box.replaceChildren(this.title, this.body);
      box.dataset.points = '0';
      this.plot = null;
      this.timeAxis = !this.opts.relative && !this.opts.runs;
      if (this.timeAxis) zoom.charts.add(this);
    }
    setLines(lines, limit) {
      lines = (lines || []).filter(l => l.points && l.points.length);
      const xsSet = new Set();
      const rel = this.opts.relative;
      const shifted = lines.map(l => {
        const t0 = rel ? l.points[0][0] : 0;
        return l.points.map(([t, v]) => [this.opts.runs ? t : (t - t0) / 1000, v]);
      });
      for (const pts of shifted) for (const [x] of pts) xsSet.add(x);
      const xs = [...xsSet].sort((a, b) => a - b);
      const index = new Map(xs.map((x, i) => [x, i]));
      const data = [xs];
      for (const pts of shifted) {
        const ys = new Array(xs.length).fill(null);
        for (const [x, v] of pts) ys[index.get(x)] = v;
        data.push(ys);
      }
      const x = this.opts.runs ? { label: 'Run', value: (u, v) => v == null ? '--' : '#' + v }
        : rel ? { label: 'Since start', value: (u, v) => v == null ? '--' : v + ' s' } : {};
      const series = [x].concat(lines.map((l, i) => ({ label: l.label || this.opts.label || 'value', stroke: l.color || W.color(i),
        scale: l.scale || 'y', width: 1.5, spanGaps: false, points: { show: shifted[i].length < 3 || this.opts.runs } })));
      if (limit !== undefined && limit !== null && xs.length) {
        data.push(xs.map(() => limit));
        series.push({ label: 'limit ' + W.num(limit), scale: 'y', stroke: css('--bad'), dash: [6, 4], width: 1.5, points: { show: false } });
      }
      let points = 0;
      for (let i = 1; i <= lines.length; i++) points = Math.max(points, data[i].filter(v => v !== null).length);
      this.box.dataset.points = String(points);
      this.box.dataset.lines = String(lines.length);
      this.box.dataset.colors = series.slice(1, lines.length + 1).map(s => s.stroke).join(' ');
      if (!xs.length) {
        if (this.plot) { this.plot.destroy(); this.plot = null; }
        this.body.replaceChildren(W.el('div', { class: 'empty', text: 'no data' + (zoom.range && this.timeAxis ? ' in the zoomed range' : '') }));
        return;
      }
      const key = series.map(s => s.label).join('|');
      if (this.plot && this.key === key) {
        this.plot.setData(data);
      } else {
        if (this.plot) this.plot.destroy();
        this.body.replaceChildren();
        this.key = key;
        this.plot = new uPlot(this.options(series), data, this.body);
      }
      this.applyZoom();
    }
    options(series) {
      const fg = css('--fg') || '#1f2330';
      const grid = { stroke: css('--grid') || 'rgba(0,0,0,0.08)', width: 1 };
      const o = {
        width: Math.max(300, this.box.clientWidth - 16), height: this.opts.height || 200,
        series: series,
        scales: { x: { time: this.timeAxis } },
        axes: [{ stroke: fg, grid: grid, ticks: grid }, { stroke: fg, grid: grid, ticks: grid, size: 60 }],
        cursor: { drag: { x: this.timeAxis, y: false } },
        legend: { show: true },
        hooks: {},
      };
      const second = series.find(x => x.scale && x.scale !== 'y');
      if (second) o.axes.push({ scale: second.scale, side: 1, stroke: second.stroke, grid: { show: false }, size: 60 });
      if (this.timeAxis) o.axes[0].incrs = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 43200, 86400];
      if (this.opts.relative) o.axes[0].values = (u, vals) => vals.map(v => v + ' s');
      if (this.opts.runs) {
        o.axes[0].values = (u, vals) => vals.map(v => Number.isInteger(v) ? '#' + v : '');
        o.axes[0].incrs = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];
        o.scales.x.range = (u, min, max) => [min - 0.5, max + 0.5];
        o.scales.y = { range: (u, min, max) => [Math.min(0, min), max > 0 ? max * 1.1 : 1] };
      }
      if (this.timeAxis) {
        o.hooks.setSelect = [u => {
          if (u.select.width > 2) {
            const from = u.posToVal(u.select.left, 'x') * 1000;
            const to = u.posToVal(u.select.left + u.select.width, 'x') * 1000;
            u.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
            zoom.set({ from: from, to: to });
          }
        }];
        o.hooks.ready = [u => u.over.addEventListener('dblclick', () => zoom.set(null))];
      }
      if (this.opts.format) o.axes[1].values = (u, vals) => vals.map(this.opts.format);
      return o;
    }
    applyZoom() {
      if (!this.plot || !this.timeAxis) return;
      const r = zoom.range;
      const xs = this.plot.data[0];
      if (r) this.plot.setScale('x', { min: r.from / 1000, max: r.to / 1000 });
      else if (xs.length) this.plot.setScale('x', { min: xs[0], max: xs[xs.length - 1] });
    }
    destroy() {
      if (this.plot) this.plot.destroy();
      zoom.charts.delete(this);
    }
  };
  window.addEventListener('resize', () => {
    for (const c of zoom.charts) if (c.plot) c.plot.setSize({ width: Math.max(300, c.box.clientWidth - 16), height: c.plot.height });
  });

  /** Loads one series into a chart; a failure shows in the chart's box. */
  W.loadChart = function (chart, path, limit) {
    return W.api(path).then(s => chart.setLines(s.lines, limit)).catch(e => {
      chart.body.replaceChildren(W.el('div', { class: 'empty', text: e.message }));
    });
  };
})();
