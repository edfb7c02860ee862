// expect: exit=0 iterations=3 checks_passed=3 stdout~checks stdout~<testsuites
// handleSummary with jslib's k6-summary (served by Weft without the network).
import { check } from 'k6';
import { textSummary, jUnit } from 'https://jslib.k6.io/k6-summary/0.0.2/index.js';

export const options = { iterations: 3, thresholds: { checks: ['rate==1'] } };

export default function () {
  check(__ITER, { 'iteration is a number': (i) => typeof i === 'number' });
}

export function handleSummary(data) {
  return {
    stdout: textSummary(data, { indent: ' ', enableColors: false }) + '\n' + jUnit(data) + '\n',
    'summary.json': JSON.stringify(data),
  };
}
