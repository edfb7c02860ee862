// The JS half of `k6/secrets`. `host` is SecretsModule (Java): get(source, key) answers
// [true, value] or [false, message].
(function (host) {
  'use strict';
  function getter(sourceName) {
    return function get(key) {
      return new Promise(function (resolve, reject) {
        const r = host.get(sourceName, String(key));
        if (r[0]) resolve(r[1]);
        else reject(new Error(r[1]));
      });
    };
  }
  return {
    get: getter('default'),
    source: function source(name) {
      return { get: getter(String(name)) };
    },
  };
})
