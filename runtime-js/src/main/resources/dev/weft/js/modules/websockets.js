// The JS half of `k6/experimental/websockets`. `host.open(url, protocols, headers, tags, fire)`
// (WebSocketsModule, Java) starts a socket and returns its host object; Java calls
// fire(type, a, b) on the VU's thread for each event.
(function (host) {
  'use strict';
  const TYPES = ['open', 'message', 'error', 'close', 'ping', 'pong'];
  function bytesOf(data) {
    if (data instanceof ArrayBuffer) return data;
    if (ArrayBuffer.isView(data)) return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
    return null;
  }
  function utf8(str) {
    const bin = unescape(encodeURIComponent(str));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  class Blob {
    constructor(parts, options) {
      const chunks = [];
      let size = 0;
      for (const p of parts || []) {
        let b;
        if (p instanceof Blob) b = p._bytes;
        else if (bytesOf(p)) b = new Uint8Array(bytesOf(p));
        else b = utf8(String(p));
        chunks.push(b);
        size += b.length;
      }
      const all = new Uint8Array(size);
      let at = 0;
      for (const c of chunks) { all.set(c, at); at += c.length; }
      Object.defineProperty(this, '_bytes', { value: all });
      this.type = options && options.type ? String(options.type) : '';
    }
    get size() { return this._bytes.length; }
    arrayBuffer() { return Promise.resolve(this._bytes.slice().buffer); }
    bytes() { return Promise.resolve(this._bytes.slice()); }
    text() { return Promise.resolve(decodeURIComponent(escape(String.fromCharCode(...this._bytes)))); }
    slice(start, end, type) { return new Blob([this._bytes.slice(start, end)], { type }); }
  }
  class WebSocket {
    constructor(url, protocols, params) {
      const protos = protocols === undefined || protocols === null ? []
        : Array.isArray(protocols) ? protocols.map(String) : [String(protocols)];
      const headers = {};
      const tags = {};
      if (params) {
        if (params.headers) for (const k of Object.keys(params.headers)) headers[k] = String(params.headers[k]);
        if (params.tags) for (const k of Object.keys(params.tags)) tags[k] = String(params.tags[k]);
      }
      const listeners = {};
      const handlers = {};
      for (const t of TYPES) { listeners[t] = []; handlers[t] = null; }
      let binaryType = 'blob';
      const self = this;
      const event = (type, extra) => Object.assign({ type, target: self, timestamp: Date.now() }, extra);
      const fire = (type, a, b) => {
        let ev;
        if (type === 'message') {
          let data = a;
          if (typeof a !== 'string') {
            const buf = new ArrayBuffer(a);
            data = binaryType === 'arraybuffer' ? buf : new Blob([buf]);
          }
          ev = event(type, { data, origin: String(url) });
        } else if (type === 'error') {
          ev = event(type, { error: String(a) });
        } else if (type === 'close') {
          ev = event(type, { code: a, reason: b === undefined ? '' : b });
        } else {
          ev = event(type);
        }
        if (typeof handlers[type] === 'function') handlers[type].call(self, ev);
        for (const l of listeners[type].slice()) l.call(self, ev);
      };
      const s = host.open(String(url), protos, headers, tags, fire);
      Object.defineProperty(this, 'url', { value: String(url), enumerable: true });
      Object.defineProperty(this, 'readyState', { get: () => s.readyState(), enumerable: true });
      Object.defineProperty(this, 'protocol', { get: () => s.protocol(), enumerable: true });
      Object.defineProperty(this, 'bufferedAmount', { get: () => 0, enumerable: true });
      Object.defineProperty(this, 'extensions', { get: () => '', enumerable: true });
      Object.defineProperty(this, 'binaryType', {
        get: () => binaryType,
        set: (v) => {
          if (v !== 'blob' && v !== 'arraybuffer') {
            throw new Error('unknown binaryType ' + v + ', the supported ones are "blob" and "arraybuffer"');
          }
          binaryType = v;
        },
        enumerable: true,
      });
      for (const t of TYPES) {
        Object.defineProperty(this, 'on' + t, {
          get: () => handlers[t],
          set: (fn) => {
            if (fn !== null && fn !== undefined && typeof fn !== 'function') {
              throw new TypeError("a value for 'on" + t + "' should be callable");
            }
            handlers[t] = fn === undefined ? null : fn;
          },
        });
      }
      this.addEventListener = (type, fn) => {
        if (typeof fn !== 'function') throw new TypeError('handler for event type "' + type + '" isn\'t a callable function');
        if (listeners[type]) listeners[type].push(fn);
      };
      this.removeEventListener = (type, fn) => {
        if (listeners[type]) listeners[type] = listeners[type].filter((l) => l !== fn);
      };
      this.send = (data) => {
        if (typeof data === 'string') return s.send(data);
        if (data instanceof Blob) return s.sendBinary(data._bytes.slice().buffer);
        const b = bytesOf(data);
        if (b === null) throw new TypeError('unsupported send type ' + typeof data);
        s.sendBinary(b);
      };
      this.ping = () => s.ping();
      this.close = (code, reason) => s.close(code === undefined ? null : Number(code),
        reason === undefined ? null : String(reason));
    }
  }
  WebSocket.CONNECTING = 0;
  WebSocket.OPEN = 1;
  WebSocket.CLOSING = 2;
  WebSocket.CLOSED = 3;
  return { WebSocket, Blob };
})
