// expect: exit=99 iterations=4 http_reqs=4 checks_passed=2 checks_failed=2 stderr~have_been_crossed
// A crossed threshold fails the run with exit code 99 after it ends.
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  iterations: 4,
  thresholds: { checks: ['rate>0.9'] },
};

export default function () {
  const r = http.get(`${__ENV.BASE_URL}/status/${__ITER % 2 === 0 ? 200 : 503}`);
  check(r, { 'is 200': (x) => x.status === 200 });
}
