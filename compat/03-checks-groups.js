// expect: exit=0 iterations=4 http_reqs=4 checks_passed=8 checks_failed=4
// Nested groups; checks that pass and fail are counted without failing the test.
import http from 'k6/http';
import { check, group } from 'k6';

export const options = { vus: 1, iterations: 4 };

export default function () {
  group('shop', () => {
    group('catalogue', () => {
      const r = http.get(`${__ENV.BASE_URL}/status/404`);
      check(r, {
        'status is 404': (x) => x.status === 404,
        'status is 200': (x) => x.status === 200,
      });
    });
    check(null, { 'plain value check': () => true });
  });
}
