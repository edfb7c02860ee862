// The JS half of `k6/experimental/csv`. `host` is CsvModule (Java): records(bytes, delimiter)
// answers the file's records as JSON. Options are applied here, as k6 applies them.
(function (host) {
  'use strict';
  function options(o) {
    const opts = Object.assign({ delimiter: ',', skipFirstLine: false, asObjects: false }, o || {});
    const d = String(opts.delimiter);
    if (d.length !== 1) throw new Error('delimiter must be a single character');
    if (opts.fromLine !== undefined && opts.toLine !== undefined && opts.fromLine > opts.toLine) {
      throw new Error('fromLine must be less than or equal to toLine');
    }
    if (opts.asObjects && opts.skipFirstLine) {
      throw new Error("the 'header' option cannot be enabled when 'skipFirstLine' is true");
    }
    if (opts.asObjects && opts.fromLine > 0) {
      throw new Error("the 'header' option cannot be enabled when 'fromLine' is set to a value greater than 0");
    }
    opts.delimiter = d;
    return opts;
  }

  function records(file, o) {
    if (file === null || typeof file !== 'object' || !(file._data instanceof Uint8Array)) {
      throw new Error('first argument expected to be a fs.File instance, got ' + typeof file + ' instead');
    }
    const opts = options(o);
    // as in k6, parsing reads the File from its current position and leaves it at the end
    const rest = file._data.slice(Math.min(file._offset, file._data.length));
    file._offset = file._data.length;
    if (rest.length === 0 && (opts.skipFirstLine || opts.asObjects)) {
      throw new Error('failed to create a new parser; reason: failed to read the first line; reason: EOF');
    }
    let rows = JSON.parse(host.records(rest.buffer, opts.delimiter));
    let first = 0;
    if (opts.skipFirstLine) first = 1;
    if (opts.fromLine !== undefined && opts.fromLine !== null) first = Math.max(first, Number(opts.fromLine));
    const last = opts.toLine === undefined || opts.toLine === null ? rows.length - 1 : Number(opts.toLine);
    if (opts.asObjects) {
      if (rows.length === 0) throw new Error("the 'asObjects' option is enabled, but no header was found");
      const header = rows[0];
      rows = rows.slice(1, last + 1).map((r) => {
        if (r.length !== header.length) {
          throw new Error("record length (" + r.length + ") doesn't match header length (" + header.length + ')');
        }
        const obj = {};
        header.forEach((h, i) => { obj[h] = r[i]; });
        return obj;
      });
      return rows;
    }
    return rows.slice(first, last + 1);
  }

  function parse(file, o) {
    return new Promise((resolve, reject) => {
      try {
        const rows = records(file, o);
        const SharedArray = globalThis.__weftModule('k6/data').SharedArray;
        resolve(new SharedArray('k6/experimental/csv:' + file.path + ':' + JSON.stringify(o || {}), () => rows));
      } catch (e) {
        reject(e);
      }
    });
  }

  class Parser {
    constructor(file, o) {
      if (file === undefined || file === null) {
        throw new Error('csv Parser constructor takes at least one non-nil source argument');
      }
      Object.defineProperty(this, '_rows', { value: records(file, o) });
      Object.defineProperty(this, '_next', { value: 0, writable: true });
    }
    next() {
      return new Promise((resolve) => {
        if (this._next >= this._rows.length) {
          resolve({ done: true, value: undefined });
          return;
        }
        resolve({ done: false, value: this._rows[this._next++] });
      });
    }
  }

  return { parse, Parser };
})
