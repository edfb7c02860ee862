// Home: projects with their tests (grouped by options.cloud.projectID and options.cloud.name), and
// every run of the organisation; polls so run states change without a reload.
(function () {
  const W = window.Weft;
  const { el, api, cell } = W;

  function runRow(run) {
    const h = W.header(run);
    return el('tr', { id: 'run-' + h.reference_id },
      cell(h.reference_id),
      el('td', null, el('a', { href: '/runs/' + h.reference_id, text: h.name })),
      el('td', null, W.badge(h.stateKey, h.stateLabel)),
      cell(h.outcomeText, h.outcomeText.replace(' ', '')),
      cell(h.vus),
      cell(W.date(h.createdMs)));
  }
  function pollRuns() {
    api('/api/runs').then(data => $('runs').replaceChildren(...data.runs.map(runRow)))
      .catch(() => {})
      .finally(() => setTimeout(pollRuns, 2000));
  }
  const $ = W.$;

  function projects() {
    const box = $('projects');
    api('/api/projects').then(list => Promise.all(list.map(p => api(W.q('/api/tests', [['project', p.id]]))
      .then(tests => ({ project: p, tests: tests })))))
      .then(all => all.filter(p => p.tests.length))
      .then(all => box.replaceChildren(...(all.length ? [] : [el('p', { class: 'note', text: 'No test has run yet.' })]), ...all.map(({ project, tests }) => el('section', { class: 'project', id: 'project-' + project.id },
        el('h2', { text: project.name + ' ', title: 'project ' + project.id }, el('span', { class: 'note', text: tests.length + ' tests' })),
        W.table(['Test', ['Runs', 'num'], 'Last run', 'State', 'Result', 'Started'], tests.map(t => {
          const last = t.lastRun ? W.header(t.lastRun) : null;
          return el('tr', { id: 'test-' + t.id },
            el('td', null, el('a', { href: '/tests/' + t.id, text: t.name })), cell(t.runs, 'num'),
            el('td', null, last ? el('a', { href: '/runs/' + last.reference_id, text: '#' + last.reference_id }) : '–'),
            el('td', null, last ? W.badge(last.stateKey, last.stateLabel) : ''),
            cell(last ? last.outcomeText : ''), cell(last ? W.date(last.createdMs) : ''));
        }), 'tests')))))
      .catch(e => W.showError(box, e));
  }
  projects();
  pollRuns();
})();
