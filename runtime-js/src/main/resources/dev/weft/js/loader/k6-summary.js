// Weft's stand-in for https://jslib.k6.io/k6-summary/<version>/index.js, written for Weft:
// textSummary renders with Weft's own summary renderer (the one behind the default summary);
// jUnit writes one test case per threshold.
import host from 'weft/k6-summary-host';

export function textSummary(data, options) {
  const o = Object.assign({ indent: ' ', enableColors: false }, options || {});
  return host.textSummary(JSON.stringify(data), String(o.indent), Boolean(o.enableColors));
}

function escapeXml(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function jUnit(data, options) {
  const o = Object.assign({ name: 'k6 thresholds' }, options || {});
  const cases = [];
  let failures = 0;
  const metrics = (data && data.metrics) || {};
  for (const metricName of Object.keys(metrics)) {
    const thresholds = metrics[metricName].thresholds || {};
    for (const source of Object.keys(thresholds)) {
      const ok = thresholds[source].ok;
      const name = escapeXml(metricName + ' - ' + source);
      const cls = o.classname ? ' classname="' + escapeXml(o.classname) + '"' : '';
      if (ok) {
        cases.push('<testcase name="' + name + '"' + cls + ' />');
      } else {
        failures++;
        cases.push('<testcase name="' + name + '"' + cls + '><failure message="failed" /></testcase>');
      }
    }
  }
  return '<?xml version="1.0"?>\n<testsuites tests="' + cases.length + '" failures="' + failures + '">\n'
    + '<testsuite name="' + escapeXml(o.name) + '" tests="' + cases.length + '" failures="' + failures + '">'
    + cases.join('\n') + '\n</testsuite>\n</testsuites>';
}

export function humanizeValue(value) {
  return String(value);
}
