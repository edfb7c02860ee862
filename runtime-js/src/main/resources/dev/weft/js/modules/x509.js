// The JS half of `k6/crypto/x509`. `host` is X509Module (Java); it answers [true, json] or
// [false, message]. Errors are thrown as k6 throws its Go errors.
(function (host) {
  'use strict';
  function call(fn, pem) {
    const r = fn(typeof pem === 'string' ? pem : (pem === undefined || pem === null ? '' : String(pem)));
    if (!r[0]) {
      const e = new Error(r[1]);
      e.name = 'GoError';
      throw e;
    }
    return JSON.parse(r[1]);
  }
  function parse(pem) {
    const c = call(host.parse, pem);
    const k = c.publicKey.key;
    for (const name of ['n', 'x', 'y']) {
      if (typeof k[name] === 'string') k[name] = BigInt(k[name]);
    }
    return c;
  }
  return {
    parse: parse,
    getAltNames: (pem) => call(host.getAltNames, pem),
    getIssuer: (pem) => call(host.getIssuer, pem),
    getSubject: (pem) => call(host.getSubject, pem),
  };
})
