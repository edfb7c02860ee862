// The JS half of CommonJS support: the per-VU cache of loaded files and the require functions
// handed to each of them. `host` is CommonJsModule (Java): it resolves paths and compiles files.
(function (host) {
  'use strict';
  const cache = new Map();

  function isBuiltin(spec) {
    return spec === 'k6' || spec.startsWith('k6/');
  }

  function load(path) {
    const cached = cache.get(path);
    if (cached !== undefined) return cached.exports;
    const module = { exports: {}, id: path, filename: path, loaded: false };
    cache.set(path, module);
    const dir = host.dirname(path);
    const fn = host.compile(path);
    try {
      fn.call(module.exports, module.exports, requireFrom(dir), module, path, dir);
    } catch (e) {
      cache.delete(path);
      throw e;
    }
    module.loaded = true;
    return module.exports;
  }

  function requireFrom(dir) {
    return function require(spec) {
      const s = String(spec);
      if (isBuiltin(s)) return globalThis.__weftModule(s);
      return load(host.resolve(s, dir));
    };
  }

  const top = requireFrom(host.scriptDir);
  Object.defineProperty(top, '__load', { value: load });
  return top;
})
