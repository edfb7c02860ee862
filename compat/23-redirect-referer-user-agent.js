// expect: exit=0 iterations=1 http_reqs=4 checks_passed=3 checks_failed=0
// A followed redirect sends the previous URL as Referer (as Go's client does, so k6), a script's
// own Referer is kept, and the default User-Agent names the k6 version Weft follows.
import http from 'k6/http';
import { check } from 'k6';

export const options = { iterations: 1 };

export default function () {
  const base = __ENV.BASE_URL;
  const followed = http.get(`${base}/redirect/1`);
  const own = http.get(`${base}/redirect-to?url=${encodeURIComponent(`${base}/headers`)}`,
    { headers: { Referer: 'https://example.test/start' } });
  check(followed, {
    'referer is the redirecting url': (r) => r.json('headers.Referer') === `${base}/redirect/1`,
    'user agent as k6 v1.3.0': (r) => r.json('headers.User-Agent') === 'Grafana k6/1.3.0',
  });
  check(own, { 'script referer kept': (r) => r.json('headers.Referer') === 'https://example.test/start' });
}
