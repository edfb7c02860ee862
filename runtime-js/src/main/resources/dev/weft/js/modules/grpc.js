// The JS half of `k6/net/grpc`. `host` is GrpcVuModule (Java): newClient() makes a client's host
// object, openStream(client, method, params, fire) a stream's. Host calls answer [true, value] or
// [false, message]; a failure is thrown as k6 throws its Go errors. Messages cross as JSON text.
(function (host) {
  'use strict';
  function fail(message) {
    const e = new Error(message);
    e.name = 'GoError';
    throw e;
  }
  function answer(r) {
    if (!r[0]) fail(r[1]);
    return r[1];
  }
  // k6 sends NaN and the infinities as the strings protojson reads for floats and doubles
  function requestJson(req) {
    if (req === undefined || req === null) fail('request cannot be nil');
    return JSON.stringify(req, function (k, v) {
      if (typeof v === 'number' && !isFinite(v)) return isNaN(v) ? 'NaN' : (v > 0 ? 'Infinity' : '-Infinity');
      if (typeof v === 'bigint') return v.toString();
      return v;
    });
  }
  const STATUS = ['StatusOK', 'StatusCanceled', 'StatusUnknown', 'StatusInvalidArgument', 'StatusDeadlineExceeded',
    'StatusNotFound', 'StatusAlreadyExists', 'StatusPermissionDenied', 'StatusResourceExhausted',
    'StatusFailedPrecondition', 'StatusAborted', 'StatusOutOfRange', 'StatusUnimplemented', 'StatusInternal',
    'StatusUnavailable', 'StatusDataLoss', 'StatusUnauthenticated'];
  const HEALTH = ['HealthCheckUnknown', 'HealthCheckServing', 'HealthCheckNotServing', 'HealthCheckServiceUnkown'];
  const hosts = new WeakMap();

  class Client {
    constructor() {
      hosts.set(this, host.newClient());
    }
    load(importPaths, ...files) {
      const paths = importPaths === undefined || importPaths === null ? [] : Array.from(importPaths, String);
      return JSON.parse(answer(hosts.get(this).load(paths, files.map(String))));
    }
    loadProtoset(file) {
      return JSON.parse(answer(hosts.get(this).loadProtoset(String(file))));
    }
    connect(addr, params) {
      return answer(hosts.get(this).connect(String(addr), params === undefined ? null : params));
    }
    invoke(method, request, params) {
      const h = hosts.get(this);
      return JSON.parse(answer(h.invoke(String(method), requestJson(request), params === undefined ? null : params)));
    }
    asyncInvoke(method, request, params) {
      const h = hosts.get(this);
      return new Promise(function (resolve, reject) {
        let json;
        try {
          json = requestJson(request);
        } catch (e) {
          reject(e);
          return;
        }
        const r = h.asyncInvoke(String(method), json, params === undefined ? null : params, function (ok, payload) {
          if (ok) resolve(JSON.parse(payload));
          else {
            const e = new Error(payload);
            e.name = 'GoError';
            reject(e);
          }
        });
        if (!r[0]) {
          const e = new Error(r[1]);
          e.name = 'GoError';
          reject(e);
        }
      });
    }
    healthCheck(service) {
      return JSON.parse(answer(hosts.get(this).healthCheck(service === undefined ? null : service)));
    }
    close() {
      answer(hosts.get(this).close());
    }
  }

  const EVENTS = ['data', 'error', 'end', 'status'];
  function Stream(client, method, params) {
    if (!new.target) fail('Stream must be called with new');
    const listeners = { data: [], error: [], end: [], status: [] };
    const fire = function (type, json, ts) {
      const meta = { ts: ts };
      const value = json === null || json === undefined ? {} : JSON.parse(json);
      for (const l of listeners[type]) l(value, meta);
    };
    const clientHost = client instanceof Client ? hosts.get(client) : null;
    const h = answer(host.openStream(clientHost, String(method), params === undefined ? null : params, fire));
    Object.defineProperty(this, 'on', {
      value: function (event, handler) {
        if (typeof handler !== 'function') fail('handler for "' + event + '" event isn\'t a callable function');
        if (EVENTS.indexOf(event) < 0) {
          console.warn("can't register " + event + ' event handler: unknown GRPC stream\'s event type: ' + event);
          return;
        }
        listeners[event].push(handler);
      }, writable: true,
    });
    Object.defineProperty(this, 'write', {
      value: function (message) {
        h.write(message === undefined || message === null ? null : requestJson(message));
      }, writable: true,
    });
    Object.defineProperty(this, 'end', { value: function () { h.end(); }, writable: true });
  }

  const exports = { Client: Client, Stream: Stream };
  STATUS.forEach(function (name, i) { exports[name] = i; });
  HEALTH.forEach(function (name, i) { exports[name] = i; });
  return exports;
})
