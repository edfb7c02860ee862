// How setup()'s return value becomes the JSON every VU and teardown get, as k6 does it: k6
// hands the value to Go's encoding/json, so object keys come out sorted and a Date is written
// as Go writes a time.Time (RFC 3339 with the local offset, "Z" for UTC, no trailing zeros in
// the fraction). Functions are dropped (as JSON.stringify does; k6 refuses them).
(function () {
  'use strict';
  function pad(n, width) {
    return String(n).padStart(width, '0');
  }
  function goTime(d) {
    if (isNaN(d.getTime())) return null;
    const ms = d.getMilliseconds();
    const fraction = ms === 0 ? '' : '.' + pad(ms, 3).replace(/0+$/, '');
    const offset = -d.getTimezoneOffset();
    const zone = offset === 0 ? 'Z'
      : (offset > 0 ? '+' : '-') + pad(Math.floor(Math.abs(offset) / 60), 2) + ':' + pad(Math.abs(offset) % 60, 2);
    return pad(d.getFullYear(), 4) + '-' + pad(d.getMonth() + 1, 2) + '-' + pad(d.getDate(), 2) + 'T'
      + pad(d.getHours(), 2) + ':' + pad(d.getMinutes(), 2) + ':' + pad(d.getSeconds(), 2) + fraction + zone;
  }
  function goValue(v) {
    if (v instanceof Date) return goTime(v);
    if (Array.isArray(v)) return v.map(goValue);
    if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v) && !(v instanceof ArrayBuffer)) {
      const out = {};
      for (const k of Object.keys(v).sort()) out[k] = goValue(v[k]);
      return out;
    }
    return v;
  }
  return function setupJson(value) {
    return JSON.stringify(goValue(value));
  };
})
