// The JS half of `k6/html`: hands HtmlModule (Java) the few functions it needs to build plain
// JS values in this VU's context; parseHTML, Selection and Element live in Java.
(function (host) {
  'use strict';
  const helpers = {
    array: (list) => Array.from(list),
    object: (keys, values) => {
      const o = {};
      for (let i = 0; i < keys.length; i++) o[keys[i]] = values[i];
      return o;
    },
    json: (text) => JSON.parse(text),
    undefined: undefined,
  };
  return { parseHTML: host.parser(helpers) };
})
