// expect: exit=0 iterations=3 http_reqs=18 checks_passed=18 checks_failed=0
// Every HTTP verb helper plus http.request, with JSON and form bodies.
import http from 'k6/http';
import { check } from 'k6';

export const options = { iterations: 3 };
const base = __ENV.BASE_URL;

export default function () {
  const json = { headers: { 'Content-Type': 'application/json' } };
  const responses = [
    http.get(`${base}/get?q=1`),
    http.post(`${base}/post`, JSON.stringify({ a: 1 }), json),
    http.put(`${base}/put`, { field: 'v' }),
    http.patch(`${base}/patch`, 'text body'),
    http.del(`${base}/delete`),
    http.request('POST', `${base}/anything`, null, { tags: { name: 'anything' } }),
  ];
  for (const r of responses) {
    check(r, { [`${r.request.method} is 200`]: (x) => x.status === 200 });
  }
}
