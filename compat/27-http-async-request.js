// expect: exit=0 iterations=2 http_reqs=8 checks_passed=8 checks_failed=0
// http.asyncRequest returns a promise of the response, and one VU's requests overlap: three
// 1-second delays awaited together take about one second, not three.
import http from 'k6/http';
import { check } from 'k6';

export const options = { iterations: 2 };

export default async function () {
  const base = __ENV.BASE_URL;
  const started = Date.now();
  const responses = await Promise.all([
    http.asyncRequest('GET', `${base}/delay/1`),
    http.asyncRequest('GET', `${base}/delay/1`),
    http.asyncRequest('POST', `${base}/post`, JSON.stringify({ n: 1 }), { headers: { 'Content-Type': 'application/json' } }),
  ]);
  const took = Date.now() - started;
  const last = await http.asyncRequest('GET', `${base}/status/418`);
  check(responses, {
    'all answered': (rs) => rs.every((r) => r.status === 200),
    'body of an async post': (rs) => rs[2].json('json.n') === 1,
    'the requests overlapped': () => took < 2500,
  });
  check(last, { 'status of an awaited request': (r) => r.status === 418 });
}
