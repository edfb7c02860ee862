// The JS half of `k6/ws`. `host` is WsModule's host object (Java): connect(url, headers, tags,
// dispatch) -> session (ok, response JSON, send, sendBinary, ping, close, schedule, run, abort),
// and throws (the `throw` option).
(function (host) {
  'use strict';
  function bytesOf(data) {
    if (data instanceof ArrayBuffer) return data;
    if (ArrayBuffer.isView(data)) return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
    throw new TypeError('sendBinary() needs an ArrayBuffer');
  }
  function errorValue(message) {
    return { error: () => message, toString: () => message };
  }
  function connect(url, params, callback) {
    if (callback === undefined && typeof params === 'function') {
      callback = params;
      params = undefined;
    }
    if (typeof callback !== 'function') throw new TypeError('last argument to ws.connect must be a function');
    const headers = {};
    const tags = {};
    if (params !== undefined && params !== null) {
      if (params.headers) for (const k of Object.keys(params.headers)) headers[k] = String(params.headers[k]);
      if (params.tags) for (const k of Object.keys(params.tags)) tags[k] = String(params.tags[k]);
    }
    const handlers = {};
    const dispatch = (event, arg) => {
      const list = handlers[event];
      if (!list) return;
      let value = arg;
      if (event === 'binaryMessage') value = new ArrayBuffer(arg);
      else if (event === 'error') value = errorValue(arg);
      for (const h of list.slice()) h(value);
    };
    const s = host.connect(String(url), headers, tags, dispatch);
    const response = JSON.parse(s.response);
    if (!s.ok) {
      if (host.throws) throw new Error(response.error);
      return response;
    }
    const socket = {
      on(event, handler) {
        if (typeof handler !== 'function') throw new TypeError('socket.on() needs a function');
        (handlers[event] = handlers[event] || []).push(handler);
      },
      send(message) { s.send(String(message)); },
      sendBinary(data) { s.sendBinary(bytesOf(data)); },
      ping() { s.ping(); },
      close(code) { s.close(code === undefined || code === null ? 1001 : Number(code)); },
      setTimeout(fn, ms) { s.schedule(fn, Number(ms), false); },
      setInterval(fn, ms) { s.schedule(fn, Number(ms), true); },
    };
    try {
      callback(socket);
    } catch (e) {
      s.abort();
      throw e;
    }
    s.run();
    return response;
  }
  return { connect };
})
