// The JS half of `k6/metrics`. `host` is MetricsHost (Java): declare(type, name, isTime) -> id, add(id, value, tags).
(function (host) {
  'use strict';
  function make(type) {
    return class {
      constructor(name, isTime) {
        if (typeof name !== 'string' || name === '') throw new TypeError('a metric needs a name');
        this.name = name;
        this.__id = host.declare(type, name, !!isTime);
      }
      add(value, tags) {
        let v = value;
        if (typeof v === 'boolean') v = v ? 1 : 0;
        v = Number(v);
        if (Number.isNaN(v)) throw new TypeError(`${type} ${this.name}: "${value}" is not a number`);
        host.add(this.__id, v, tags === undefined ? null : tags);
        return true;
      }
    };
  }
  return { Counter: make('counter'), Gauge: make('gauge'), Rate: make('rate'), Trend: make('trend') };
})
