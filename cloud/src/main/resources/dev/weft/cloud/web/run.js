// Run page: header, stat tiles, filters (scenario, group, tag; the zoom's time range), the overview
// chart and the tabs. Live while the run is Running (polls every 2 s), final after.
(function () {
  const W = window.Weft;
  const { el, api, $ } = W;
  const root = $('run');
  const ctx = W.runPage = { id: root.dataset.runId, filters: { tags: {} }, tab: 'thresholds', header: {} };
  const TABS = [['thresholds', 'Thresholds'], ['checks', 'Checks'], ['http', 'HTTP'], ['scenarios', 'Scenarios'],
    ['metrics', 'Metrics'], ['logs', 'Logs']];
  const overview = new W.Chart($('box-overview'), 'Overview: VUs, requests/s, failed requests (%); p95 response time (ms, right axis)');

  function tiles(s) {
    const total = (s.checksPassed || 0) + (s.checksFailed || 0);
    const defs = [['requests', 'Requests', W.num(s.requests)], ['failed', 'Failed requests', W.pct(s.failedRate)],
      ['p95', 'p95 response time', W.ms(s.p95Ms)], ['vus', 'Peak VUs', W.num(s.peakVus)],
      ['iterations', 'Iterations', W.num(s.iterations)], ['sent', 'Data sent', W.bytes(s.dataSent)],
      ['received', 'Data received', W.bytes(s.dataReceived)],
      ['checks', 'Checks passed', total ? W.pct(s.checksPassed / total) + ' (' + W.num(s.checksPassed) + '/' + W.num(total) + ')' : '–']];
    $('tiles').replaceChildren(...defs.map(([k, label, value]) => el('div', { class: 'tile', id: 'tile-' + k },
      el('div', { class: 'label', text: label }), el('div', { class: 'value', text: value }))));
  }

  function applyHeader(j) {
    const h = ctx.header = W.header(j);
    $('run-name').textContent = h.name;
    const badge = $('run-state');
    badge.className = 'badge ' + h.stateKey.toLowerCase();
    badge.textContent = h.stateLabel;
    const result = $('result');
    result.textContent = h.outcomeText;
    result.className = h.outcomeText.replace(' ', '');
    const statuses = { 3: 'finished', 5: 'aborted by user', 6: 'aborted by system', 7: 'aborted by script error', 8: 'aborted by threshold' };
    $('run-status').textContent = h.run_status == null ? (h.stateKey === 'RUNNING' ? 'streaming' : '') : (statuses[h.run_status] || 'status ' + h.run_status);
    $('run-vus').textContent = W.num(h.vus) + ' VUs';
    $('run-started').textContent = W.date(h.createdMs);
    if (h.testId != null && !W.exported && $('test-link').hidden) {
      const link = $('test-link');
      link.href = '/tests/' + h.testId;
      link.hidden = false;
      // the run before this one of the same test, as the baseline to compare with
      api('/api/tests/' + h.testId).then(t => {
        const ids = t.runs.map(r => String(W.header(r).id));
        const before = ids[ids.indexOf(String(h.id)) + 1];
        if (ids.includes(String(h.id)) && before) {
          const prev = $('compare-link');
          prev.href = W.q('/compare', [['base', before], ['run', h.id]]);
          prev.textContent = 'compare with run #' + before;
          prev.hidden = false;
        }
      }).catch(() => {});
    }
    accounting(h);
  }
  // What arrived, what went into overflow series and what was lost, so no loss is silent.
  function accounting(run) {
    $('samples').textContent = (run.samples_received || 0) + ' samples';
    const overflow = $('overflow');
    overflow.hidden = !run.overflow_samples;
    overflow.textContent = run.overflow_samples ? run.overflow_samples + ' samples past the series budget went into ' +
      'one overflow series per metric (totals and percentiles exact, their tag sets not kept apart)' : '';
    $('losses').hidden = !run.lost_samples;
    $('lost-total').textContent = run.lost_samples ? run.lost_samples + ' samples lost' : '';
    $('loss-list').replaceChildren(...(run.losses || []).map(l => el('li', {
      text: l.samples + ' samples in ' + l.batches + ' batches: ' + l.description + (l.last_message ? ' (' + l.last_message + ')' : '') })));
  }

  function loadOverview() {
    const f = ctx.filters;
    const gen = gens.overview = (gens.overview || 0) + 1;
    const defs = [['vus', 'value', 'VUs', x => x, 'y'], ['http_reqs', 'rate', 'req/s', x => x, 'y'],
      ['http_req_failed', 'value', 'failed %', x => x * 100, 'y'], ['http_req_duration', 'p(95)', 'p95 ms (right axis)', x => x, 'ms']];
    // the vus gauge has no tags: under a scenario/group/tag filter it stays the whole run's (as the
    // Peak VUs tile) rather than vanishing; each line keeps its colour whichever lines are there
    const timeOnly = f ? { from: f.from, to: f.to } : f;
    return Promise.all(defs.map(([m, s, label, scale, axis], i) => api(W.seriesPath(ctx.id, m, s, null, m === 'vus' ? timeOnly : f))
      .then(r => (r.lines || []).map(l => ({ label: label, scale: axis, color: W.color(i),
        points: l.points.map(([t, v]) => [t, v === null ? null : scale(v)]) })))
      .catch(() => [])))
      .then(all => {
        if (gens.overview !== gen) return;
        overview.setLines(all.flat());
        // which filter the drawn lines are for (tests and people reading the DOM)
        $('box-overview').dataset.filters = W.q('', W.filterParams(f));
      });
  }

  // ---- filters ----
  function filterBar(tags) {
    const bar = $('filters');
    const opts = (values, any) => [el('option', { value: '', text: any })].concat((values || []).map(v => el('option', { value: v, text: v })));
    const scenario = el('select', { id: 'filter-scenario' }, opts(tags.scenario, 'all scenarios'));
    const group = el('select', { id: 'filter-group' }, opts(tags.group, 'all groups'));
    const tagKeys = Object.keys(tags.tags || {}).sort();
    const tagKey = el('select', { id: 'filter-tag-key' }, opts(tagKeys, 'tag…'));
    const tagValue = el('select', { id: 'filter-tag-value' }, opts([], 'value…'));
    tagKey.addEventListener('change', () => tagValue.replaceChildren(...opts((tags.tags || {})[tagKey.value], 'value…')));
    const add = el('button', { id: 'filter-tag-add', type: 'button', text: 'Add tag filter' });
    const chips = el('span', { id: 'filter-chips' });
    const zoomText = el('span', { id: 'zoom-range', class: 'zoom' });
    const reset = el('button', { id: 'zoom-reset', type: 'button', text: 'Reset zoom', hidden: '' });
    scenario.addEventListener('change', () => { ctx.filters.scenario = scenario.value || undefined; refreshAll(); });
    group.addEventListener('change', () => { ctx.filters.group = group.value || undefined; refreshAll(); });
    add.addEventListener('click', () => {
      if (tagKey.value && tagValue.value) { ctx.filters.tags[tagKey.value] = tagValue.value; drawChips(chips); refreshAll(); }
    });
    reset.addEventListener('click', () => W.zoom.set(null));
    bar.replaceChildren(el('label', { text: 'Filter' }), scenario, group, tagKey, tagValue, add, chips, zoomText, reset);
    // a rebuilt bar (new tag values while the run streams) keeps what is picked
    scenario.value = ctx.filters.scenario || '';
    group.value = ctx.filters.group || '';
    drawChips(chips);
    if (W.zoom.range) {
      zoomText.textContent = 'Zoom: ' + new Date(W.zoom.range.from).toLocaleTimeString() + ' – ' + new Date(W.zoom.range.to).toLocaleTimeString();
      reset.hidden = false;
    }
    if (W.exported) {
      for (const c of [scenario, group, tagKey, tagValue, add]) c.disabled = true;
      bar.append(el('span', { class: 'note', id: 'filters-note',
        text: 'Filters need the service: this report holds the unfiltered views. Drag across a chart to zoom.' }));
    }
    if (tags.truncated) bar.append(el('span', { class: 'note', text: 'Some tags have more values than listed.' }));
  }
  function drawChips(chips) {
    chips.replaceChildren(...Object.entries(ctx.filters.tags).map(([k, v]) => el('button', { type: 'button', class: 'chip',
      text: k + '=' + v + ' ✕', onclick: () => { delete ctx.filters.tags[k]; drawChips(chips); refreshAll(); } })));
  }
  W.zoom.listeners.push(range => {
    if ($('zoom-range')) {
      $('zoom-range').textContent = range ? 'Zoom: ' + new Date(range.from).toLocaleTimeString() + ' – ' + new Date(range.to).toLocaleTimeString() : '';
      $('zoom-reset').hidden = !range;
    }
    if (W.exported) return; // the embedded answers cover the whole run; the charts just rescale
    ctx.filters.from = range ? range.from : undefined;
    ctx.filters.to = range ? range.to : undefined;
    refreshAll();
  });

  // ---- tabs ----
  function tabBar() {
    $('tabs').replaceChildren(...TABS.map(([key, label]) => el('button', { type: 'button', id: 'tab-' + key, dataset: { tab: key },
      text: label, onclick: () => show(key) })));
  }
  function show(key) {
    ctx.tab = key;
    if (!W.exported) history.replaceState(null, '', '#' + key);
    for (const b of $('tabs').children) b.classList.toggle('active', b.dataset.tab === key);
    for (const [k] of TABS) $('panel-' + k).hidden = k !== key;
    return loadTab(key);
  }
  function loadTab(key) {
    const panel = $('panel-' + key);
    const old = [...W.zoom.charts].filter(c => panel.contains(c.box));
    // answers can arrive out of order (a filter picked while the last load runs): only the newest load draws
    const gen = gens[key] = (gens[key] || 0) + 1;
    const view = Object.assign({}, ctx, { fresh: () => gens[key] === gen, reload: () => loadTab(key) });
    // the old charts go once the new ones are in place (a live refresh does not flicker)
    return W.runTabs[key](view, panel).catch(e => { if (view.fresh()) W.showError(panel, e); })
      .finally(() => old.filter(c => !c.box.isConnected).forEach(c => c.destroy()));
  }

  const gens = {};
  function loadStats() {
    const gen = gens.stats = (gens.stats || 0) + 1;
    return api(W.q('/api/runs/' + ctx.id + '/stats', W.filterParams(ctx.filters)))
      .then(s => { if (gens.stats === gen) tiles(s); })
      .catch(e => { if (gens.stats === gen) W.showError($('tiles'), e); });
  }
  function refreshAll() {
    return Promise.all([loadStats(), loadOverview(), loadTab(ctx.tab)]);
  }

  let polls = 0;
  function loadTags() {
    return api('/api/runs/' + ctx.id + '/tags').then(filterBar).catch(() => filterBar({}));
  }
  function poll() {
    api('/api/runs/' + ctx.id + '/header').then(j => {
      const was = ctx.header.stateKey;
      applyHeader(j);
      const running = ctx.header.stateKey === 'RUNNING';
      if (running || was === 'RUNNING') refreshAll();
      if ((running && ++polls % 5 === 0) || (!running && was === 'RUNNING')) loadTags();
      if (running && !W.exported) setTimeout(poll, 2000);
    }).catch(() => { if (!W.exported) setTimeout(poll, 5000); });
  }

  if (W.exported) $('report-note').hidden = false;
  tabBar();
  api('/api/runs/' + ctx.id + '/header').then(j => {
    applyHeader(j);
    loadTags();
    const initial = location.hash.slice(1);
    return Promise.all([loadStats(), loadOverview(), show(TABS.some(t => t[0] === initial) ? initial : 'thresholds')]);
  }).then(() => {
    root.dataset.loaded = 'true';
    if (ctx.header.stateKey === 'RUNNING' && !W.exported) setTimeout(poll, 2000);
  }).catch(e => W.showError($('tiles'), e));
})();
