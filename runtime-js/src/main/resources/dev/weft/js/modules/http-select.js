// response.json(selector) for the `k6/http` module: the common part of gjson's path syntax.
// Evaluates to a function (root, selector) that http.js calls with the parsed body.
(function () {
  'use strict';
  // Dotted keys (`a.b`), array indexes (`a.0`), `#` for an array's length, `a.#.b` for b of each
  // element, `*`/`?` wildcards in keys and `\` escapes. A missing path gives undefined.

  function selectPath(root, selector) {
    return walk(root, splitPath(selector), 0);
  }

  function splitPath(path) {
    const parts = [];
    let cur = '';
    for (let i = 0; i < path.length; i++) {
      const ch = path[i];
      if (ch === '\\' && i + 1 < path.length) {
        cur += '\u0000' + path[++i];
      } else if (ch === '.') {
        parts.push(cur);
        cur = '';
      } else {
        cur += ch;
      }
    }
    parts.push(cur);
    return parts;
  }

  function unescapeKey(k) {
    return k.replace(/\u0000(.)/g, '$1');
  }

  function walk(v, parts, i) {
    if (i === parts.length) return v;
    if (v === null || typeof v !== 'object') return undefined;
    const part = parts[i];
    if (Array.isArray(v)) {
      if (part === '#') {
        if (i + 1 === parts.length) return v.length;
        const out = [];
        for (const e of v) {
          const r = walk(e, parts, i + 1);
          if (r !== undefined) out.push(r);
        }
        return out;
      }
      if (/^\d+$/.test(part)) return walk(v[Number(part)], parts, i + 1);
      return undefined;
    }
    if (part.indexOf('*') >= 0 || part.indexOf('?') >= 0) {
      const re = wildcard(part);
      for (const k of Object.keys(v)) {
        if (re.test(k)) return walk(v[k], parts, i + 1);
      }
      return undefined;
    }
    const key = unescapeKey(part);
    return Object.prototype.hasOwnProperty.call(v, key) ? walk(v[key], parts, i + 1) : undefined;
  }

  function wildcard(pattern) {
    let src = '^';
    for (let i = 0; i < pattern.length; i++) {
      let ch = pattern[i];
      if (ch === '*') {
        src += '.*';
        continue;
      }
      if (ch === '?') {
        src += '.';
        continue;
      }
      if (ch === '\u0000') ch = pattern[++i];
      src += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
    return new RegExp(src + '$');
  }

  return selectPath;
})
