// expect: exit=0 iterations=13 http_reqs=13 checks_passed=13
// Several executors at once, each with its own exec function and tags.
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  scenarios: {
    shared: { executor: 'shared-iterations', vus: 2, iterations: 6, exec: 'browse', tags: { kind: 'shared' } },
    each: { executor: 'per-vu-iterations', vus: 2, iterations: 2, exec: 'buy' },
    later: { executor: 'shared-iterations', vus: 1, iterations: 3, startTime: '200ms', exec: 'browse' },
  },
  thresholds: {
    'iterations{scenario:shared}': ['count==6'],
    'iterations{scenario:each}': ['count==4'],
    'http_reqs{kind:shared}': ['count==6'],
  },
};

export function browse() {
  check(http.get(`${__ENV.BASE_URL}/get`), { 'browse ok': (r) => r.status === 200 });
}

export function buy() {
  const r = http.post(`${__ENV.BASE_URL}/post`, JSON.stringify({ item: 'book' }),
    { headers: { 'Content-Type': 'application/json' } });
  check(r, { 'bought a book': (x) => x.json().json.item === 'book' });
}
