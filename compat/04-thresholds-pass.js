// expect: exit=0 iterations=5 http_reqs=5 checks_passed=5
// Thresholds on built-in metrics and a tagged sub-metric that all pass.
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  iterations: 5,
  thresholds: {
    http_req_failed: ['rate<0.01'],
    http_req_duration: ['p(95)<5000', 'max<10000'],
    'http_reqs{status:200}': ['count==5'],
    checks: ['rate==1'],
  },
};

export default function () {
  check(http.get(`${__ENV.BASE_URL}/get`), { ok: (r) => r.status === 200 });
}
