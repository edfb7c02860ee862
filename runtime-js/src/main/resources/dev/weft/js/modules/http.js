// The JS half of the `k6/http` module. `host` is HttpHost (Java). This side checks and flattens
// script arguments into arrays of strings, numbers and handles that Java reads by position, and
// wraps each Java response handle in a Response whose fields are read from Java on first use.
(function (host) {
  'use strict';
  const hostRequest = host.request;
  const hostBatch = host.batch;
  const hostAsync = host.asyncRequest;
  const selectPath = host.selectPath;
  const NO_CALLBACK = 0, CALLBACK_NULL = 1, CALLBACK_SET = 2;

  // ---- helpers ---------------------------------------------------------------------------

  function isObject(v) {
    return v !== null && typeof v === 'object';
  }

  function bytesOf(v) {
    if (v instanceof ArrayBuffer) return v;
    if (ArrayBuffer.isView(v)) return v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength);
    return null;
  }

  function flatStrings(obj) {
    if (!isObject(obj)) return null;
    const out = [];
    for (const k of Object.keys(obj)) {
      const v = obj[k];
      out.push(k, v === undefined || v === null ? '' : String(v));
    }
    return out;
  }

  // ---- http.url and http.file -------------------------------------------------------------

  class URLTemplate {
    constructor(url, name) {
      this.url = url;
      this.name = name;
    }
    toString() {
      return this.url;
    }
  }

  function url(strings, ...values) {
    let name = '', u = '';
    for (let i = 0; i < strings.length; i++) {
      name += strings[i];
      u += strings[i];
      if (i < values.length) {
        name += '${}';
        u += String(values[i]);
      }
    }
    return new URLTemplate(u, name);
  }

  class FileData {
    constructor(data, filename, contentType) {
      this.data = data;
      this.filename = filename;
      this.content_type = contentType;
    }
  }

  function file(data, filename, contentType) {
    if (typeof data !== 'string' && bytesOf(data) === null) {
      throw new TypeError('invalid type ' + typeof data + ', expected string or ArrayBuffer');
    }
    return new FileData(data,
      filename === undefined ? String(Date.now() * 1000000) : String(filename),
      contentType === undefined ? 'application/octet-stream' : String(contentType));
  }

  // ---- request arguments ------------------------------------------------------------------

  function formValue(v) {
    if (v === undefined || v === null) return '';
    if (typeof v === 'object') {
      console.warn('cannot urlencode a nested object value in a request form body; encoding it as an '
        + 'empty value, use JSON.stringify() to send structured data');
      return '';
    }
    return String(v);
  }

  // An object body becomes ['form', k, v, ...] or, when a value is an http.file(),
  // ['multipart', k, v or [data, filename, contentType], ...].
  function formBody(obj) {
    const keys = Object.keys(obj);
    let multipart = false;
    for (const k of keys) {
      if (obj[k] instanceof FileData) { multipart = true; break; }
    }
    const out = [multipart ? 'multipart' : 'form'];
    for (const k of keys) {
      const v = obj[k];
      if (v instanceof FileData) {
        out.push(k, [typeof v.data === 'string' ? v.data : bytesOf(v.data), v.filename, v.content_type]);
      } else if (Array.isArray(v) && !multipart) {
        for (const e of v) out.push(k, formValue(e));
      } else {
        out.push(k, formValue(v));
      }
    }
    return out;
  }

  function bodyArg(body) {
    if (body === undefined || body === null) return null;
    if (typeof body === 'string') return body;
    const bytes = bytesOf(body);
    if (bytes !== null) return bytes;
    if (typeof body === 'object' && !Array.isArray(body)) return formBody(body);
    throw new TypeError('unknown request body type ' + (Array.isArray(body) ? 'array' : typeof body));
  }

  function cookiesArg(cookies) {
    if (!isObject(cookies)) return null;
    const out = [];
    for (const name of Object.keys(cookies)) {
      const c = cookies[name];
      if (c === undefined || c === null) continue;
      if (isObject(c)) {
        out.push(name, c.value === undefined || c.value === null ? '' : String(c.value), !!c.replace);
      } else {
        out.push(name, String(c), false);
      }
    }
    return out;
  }

  function timeoutArg(t) {
    if (t === undefined || t === null) return null;
    if (typeof t === 'number') {
      if (!(t >= 0)) throw new TypeError('invalid timeout value: ' + t);
      return t;
    }
    return String(t);
  }

  function callbackOf(cb) {
    if (cb === null) return CALLBACK_NULL;
    if (cb instanceof ExpectedStatuses) return CALLBACK_SET;
    throw new TypeError('unsupported responseCallback, expected http.expectedStatuses');
  }

  // The params object as the fixed-position array HttpHost reads (see RequestReader).
  function paramsArg(p) {
    if (p === undefined || p === null) return null;
    if (typeof p !== 'object') throw new TypeError('the params argument must be an object');
    const cbGiven = 'responseCallback' in p && p.responseCallback !== undefined;
    const jar = p.jar;
    return [
      flatStrings(p.headers),
      tagsArg(p.tags),
      timeoutArg(p.timeout),
      p.redirects === undefined || p.redirects === null ? null : Math.trunc(Number(p.redirects)),
      p.responseType === undefined || p.responseType === null ? null : String(p.responseType),
      cookiesArg(p.cookies),
      jar instanceof CookieJar ? jar._jar : null,
      p.auth === undefined || p.auth === null ? null : String(p.auth),
      p.compression === undefined || p.compression === null ? null : String(p.compression),
      cbGiven ? callbackOf(p.responseCallback) : NO_CALLBACK,
      cbGiven && p.responseCallback !== null ? p.responseCallback._h : null,
      p.throw === undefined || p.throw === null ? null : !!p.throw,
    ];
  }

  function tagsArg(tags) {
    if (tags === undefined || tags === null) return null;
    if (typeof tags !== 'object') throw new TypeError('invalid HTTP request metric tags: tags must be an object');
    const out = [];
    for (const k of Object.keys(tags)) {
      const v = tags[k];
      if (v === undefined || v === null) continue;
      if (typeof v === 'object' || typeof v === 'function') {
        throw new TypeError('invalid HTTP request metric tags: the value of tag "' + k + '" must be a string, '
          + 'number or boolean');
      }
      out.push(k, String(v));
    }
    return out;
  }

  // [method, url, name, body, params] for HttpHost.request and HttpHost.batch.
  function requestArgs(method, u, body, params) {
    let name = null;
    if (u instanceof URLTemplate) {
      name = u.name;
      u = u.url;
    } else if (typeof u !== 'string') {
      u = u === undefined || u === null ? '' : String(u);
    }
    return [String(method), u, name, bodyArg(body), paramsArg(params)];
  }

  function send(a) {
    const h = hostRequest(a[0], a[1], a[2], a[3], a[4]);
    if (typeof h === 'string') throw new Error(h);
    return new Response(h);
  }

  function request(method, u, body, params) {
    return send(requestArgs(method, u, body, params));
  }

  // k6's http.asyncRequest: a promise of the response; the VU goes on (and may start more) meanwhile
  function asyncRequest(method, u, body, params) {
    return new Promise(function (resolve, reject) {
      const a = requestArgs(method, u, body, params);
      const settle = function (h) {
        if (typeof h === 'string') reject(new Error(h));
        else resolve(new Response(h));
      };
      const now = hostAsync(a[0], a[1], a[2], a[3], a[4], settle);
      if (now !== null && now !== undefined) settle(now);
    });
  }

  function get(u, params) {
    if (params === undefined && typeof u === 'string') {
      const h = hostRequest('GET', u, null, null, null);
      if (typeof h === 'string') throw new Error(h);
      return new Response(h);
    }
    return send(requestArgs('GET', u, null, params));
  }

  function head(u, params) {
    return send(requestArgs('HEAD', u, null, params));
  }

  function methodWithBody(method) {
    return function (u, body, params) {
      return send(requestArgs(method, u, body, params));
    };
  }

  // ---- batch ---------------------------------------------------------------------------

  function batchItem(key, item) {
    if (Array.isArray(item)) {
      if (item.length < 2) throw new TypeError('invalid batch request ' + JSON.stringify(item));
      if (typeof item[0] !== 'string') throw new TypeError('invalid method type ' + JSON.stringify(item[0]));
      return requestArgs(item[0], item[1], item[2], item[3]);
    }
    if (isObject(item) && !(item instanceof URLTemplate)) {
      if (!('url' in item)) throw new TypeError('batch request ' + key + " doesn't have a url key");
      let method = 'GET';
      let body = item.body;
      if (item.method !== undefined) {
        if (typeof item.method !== 'string') throw new TypeError('invalid method type ' + JSON.stringify(item.method));
        method = item.method.toUpperCase();
      }
      if (method === 'GET' || method === 'HEAD') body = null;
      return requestArgs(method, item.url, body, item.params);
    }
    return requestArgs('GET', item, null, undefined);
  }

  function batch(requests) {
    if (arguments.length !== 1) {
      throw new TypeError(arguments.length === 0 ? 'no argument was provided to http.batch()'
        : 'http.batch() accepts only an array or an object of requests');
    }
    if (!isObject(requests)) throw new TypeError('invalid http.batch() argument type ' + typeof requests);
    const keys = Array.isArray(requests) ? null : Object.keys(requests);
    const items = keys === null ? requests.map((r, i) => batchItem(i, r)) : keys.map(k => batchItem(k, requests[k]));
    const handles = hostBatch(items);
    if (typeof handles === 'string') throw new Error(handles);
    if (keys === null) {
      const out = new Array(handles.length);
      for (let i = 0; i < handles.length; i++) out[i] = new Response(handles[i]);
      return out;
    }
    const out = {};
    for (let i = 0; i < keys.length; i++) out[keys[i]] = new Response(handles[i]);
    return out;
  }

  // ---- response callback ------------------------------------------------------------------

  class ExpectedStatuses {
    constructor(h) {
      this._h = h;
    }
  }

  function expectedStatuses(...args) {
    if (args.length === 0) throw new TypeError('no arguments');
    const ranges = [];
    args.forEach((a, i) => {
      if (Number.isInteger(a)) {
        ranges.push(a, a);
      } else if (isObject(a) && a.min !== undefined && a.max !== undefined) {
        if (!Number.isInteger(a.min) || !Number.isInteger(a.max)) {
          throw new TypeError('both min and max need to be integers for argument number ' + (i + 1));
        }
        ranges.push(a.min, a.max);
      } else {
        throw new TypeError('argument number ' + (i + 1) + ' to expectedStatuses was neither an integer nor an '
          + 'object like {min:100, max:329}');
      }
    });
    return new ExpectedStatuses(host.expectedStatuses(ranges));
  }

  function setResponseCallback(cb) {
    if (cb === undefined || cb === null) {
      host.setResponseCallback(null);
    } else if (cb instanceof ExpectedStatuses) {
      host.setResponseCallback(cb._h);
    } else {
      throw new TypeError('unsupported argument, expected http.expectedStatuses');
    }
  }

  // ---- cookie jars -------------------------------------------------------------------------

  class CookieJar {
    constructor(jar) {
      // `new http.CookieJar()` from a script makes an empty jar; cookieJar() wraps the VU's.
      this._jar = jar === undefined ? host.newJar() : jar;
      Object.defineProperty(this, '_jar', { enumerable: false });
    }
    cookiesForURL(u) {
      const flat = host.jarCookies(this._jar, String(u));
      const out = {};
      for (let i = 0; i < flat.length; i += 2) {
        const name = flat[i];
        (out[name] || (out[name] = [])).push(flat[i + 1]);
      }
      return out;
    }
    set(u, name, value, opts) {
      const o = isObject(opts) ? opts : {};
      host.jarSet(this._jar, String(u), String(name), value === undefined || value === null ? '' : String(value), [
        o.domain === undefined || o.domain === null ? '' : String(o.domain),
        o.path === undefined || o.path === null ? '' : String(o.path),
        o.expires === undefined || o.expires === null ? '' : String(o.expires),
        o.max_age === undefined || o.max_age === null ? null : Math.trunc(Number(o.max_age)),
        !!o.secure,
        !!o.http_only,
      ]);
      return true;
    }
    clear(u) {
      host.jarClear(this._jar, String(u));
    }
    delete(u, name) {
      if (name === undefined || name === null || name === '') throw new TypeError('cookie: is null');
      host.jarDelete(this._jar, String(u), String(name));
    }
  }

  let vuJar = null;
  function cookieJar() {
    const j = host.vuJar();
    if (typeof j === 'string') throw new Error(j);
    if (vuJar === null) vuJar = new CookieJar(j);
    return vuJar;
  }

  // ---- responses ---------------------------------------------------------------------------

  const H = Symbol('handle');
  const CACHE = Symbol('cache');
  const UNSET = Symbol('unset');

  // Fields are read from the Java handle on first use and cached; assigning a field replaces it.
  class Response {
    constructor(h) {
      this[H] = h;
      this[CACHE] = UNSET;
    }
    json(selector) {
      const h = this[H];
      if (!h.hasBody) {
        throw new Error("the body is null so we can't transform it to JSON - this likely was because of a "
          + 'request error getting the response');
      }
      if (selector !== undefined) {
        let root;
        try {
          root = this.json();
        } catch (e) {
          return undefined;
        }
        return selectPath(root, String(selector));
      }
      const c = this[CACHE];
      if (c !== UNSET) return c;
      const v = JSON.parse(h.text);
      this[CACHE] = v;
      return v;
    }
    // the body as a k6/html document (the same Selection API as parseHTML), or what selector finds in it
    html(selector) {
      const b = this.body;
      if (b === null || b === undefined) {
        throw new Error("the body is null so we can't transform it to HTML - this likely was because of a "
          + 'request error getting the response');
      }
      const doc = globalThis.__weftModule('k6/html').parseHTML(typeof b === 'string' ? b
        : String.fromCharCode.apply(null, new Uint8Array(b)));
      return selector === undefined ? doc : doc.find(String(selector));
    }
    // follows the first link the selector finds (k6's default: a[href]), relative to this response's URL
    clickLink(args) {
      const a = args || {};
      const selector = a.selector === undefined ? 'a[href]' : String(a.selector);
      const link = this.html(selector);
      if (link.size() === 0) {
        throw new Error("no element found for selector '" + selector + "' in response '" + this.url + "'");
      }
      const href = link.attr('href');
      if (href === undefined) {
        throw new Error("no valid href attribute value found on element '" + selector + "' in response '"
          + this.url + "'");
      }
      return request('GET', resolveUrl(this.url, String(href)), null, a.params === undefined ? null : a.params);
    }
    // fills in and sends the form the selector finds (k6's default: form), as a browser would
    submitForm(args) {
      const a = args || {};
      const formSelector = a.formSelector === undefined ? 'form' : String(a.formSelector);
      const submitSelector = a.submitSelector === undefined ? '[type="submit"]' : String(a.submitSelector);
      const form = this.html(formSelector);
      if (form.size() === 0) {
        throw new Error("no form found for selector '" + formSelector + "' in response '" + this.url + "'");
      }
      const methodAttr = form.attr('method');
      const method = methodAttr === undefined ? 'GET' : String(methodAttr).toUpperCase();
      const action = form.attr('action');
      let target = action === undefined ? this.url : resolveUrl(this.url, String(action));
      const values = form.serializeObject();
      const submit = form.find(submitSelector);
      const submitName = submit.attr('name');
      const submitValue = submit.val();
      if (submitName !== undefined && submitValue !== undefined) values[submitName] = submitValue;
      if (a.fields) for (const k of Object.keys(a.fields)) values[k] = a.fields[k];
      const params = a.params === undefined ? null : a.params;
      if (method === 'GET') {
        const hash = target.indexOf('#');
        if (hash >= 0) target = target.substring(0, hash);
        const q = target.indexOf('?');
        if (q >= 0) target = target.substring(0, q);
        const query = Object.keys(values).sort()
          .map((k) => goQueryEscape(k) + '=' + goQueryEscape(String(values[k]))).join('&');
        return request('GET', query === '' ? target : target + '?' + query, null, params);
      }
      return request(method, target, values, params);
    }
    toJSON() {
      const out = {};
      for (const k of FIELDS) out[k] = this[k];
      if (out.body instanceof ArrayBuffer) out.body = {};
      return out;
    }
  }

  const FIELDS = ['remote_ip', 'remote_port', 'url', 'status', 'status_text', 'proto', 'headers', 'cookies',
    'body', 'timings', 'tls_version', 'tls_cipher_suite', 'ocsp', 'error', 'error_code', 'request'];

  function field(name, read) {
    const slot = Symbol(name);
    Object.defineProperty(Response.prototype, name, {
      enumerable: true,
      configurable: true,
      get() {
        const v = this[slot];
        if (v !== undefined) return v;
        const r = read(this[H], this);
        this[slot] = r;
        return r;
      },
      set(v) {
        Object.defineProperty(this, name, { value: v, writable: true, enumerable: true, configurable: true });
      },
    });
  }

  function direct(name, member) {
    Object.defineProperty(Response.prototype, name, {
      enumerable: true,
      configurable: true,
      get() {
        return this[H][member];
      },
      set(v) {
        Object.defineProperty(this, name, { value: v, writable: true, enumerable: true, configurable: true });
      },
    });
  }

  direct('status', 'status');
  direct('status_text', 'status_text');
  direct('proto', 'proto');
  direct('url', 'url');
  direct('error', 'error');
  direct('error_code', 'error_code');
  direct('remote_ip', 'remote_ip');
  direct('remote_port', 'remote_port');
  direct('tls_version', 'tls_version');
  direct('tls_cipher_suite', 'tls_cipher_suite');
  field('body', h => {
    const b = h.body;
    return isObject(b) ? new ArrayBuffer(b) : b;
  });
  field('headers', h => pairsToObject(h.headers));
  field('timings', h => {
    const t = h.timings;
    return {
      duration: t[6], blocked: t[0], looking_up: 0, connecting: t[1], tls_handshaking: t[2],
      sending: t[3], waiting: t[4], receiving: t[5],
    };
  });
  field('cookies', h => {
    const flat = h.cookies;
    const out = {};
    for (let i = 0; i < flat.length; i += 8) {
      const c = {
        name: flat[i], value: flat[i + 1], domain: flat[i + 2], path: flat[i + 3], http_only: flat[i + 4],
        secure: flat[i + 5], max_age: flat[i + 6], expires: flat[i + 7],
      };
      (out[c.name] || (out[c.name] = [])).push(c);
    }
    return out;
  });
  field('ocsp', () => ({
    produced_at: 0, this_update: 0, next_update: 0, revoked_at: 0, revocation_reason: '', status: '',
  }));
  field('request', h => {
    const r = h.request;
    const headers = {};
    const hf = r.headers;
    for (let i = 0; i < hf.length; i += 2) (headers[hf[i]] || (headers[hf[i]] = [])).push(hf[i + 1]);
    const cookies = {};
    const cf = r.cookies;
    for (let i = 0; i < cf.length; i += 2) {
      (cookies[cf[i]] || (cookies[cf[i]] = [])).push({ name: cf[i], value: cf[i + 1], replace: false });
    }
    return { method: r.method, url: r.url, headers, body: r.body, cookies };
  });

  // a link or form action resolved against the page's URL, as a browser (and Go's URL.ResolveReference) does
  function resolveUrl(base, ref) {
    if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(ref)) return ref;
    const scheme = base.substring(0, base.indexOf(':'));
    const afterScheme = base.indexOf('//') + 2;
    const pathStart = base.indexOf('/', afterScheme);
    const origin = pathStart < 0 ? base : base.substring(0, pathStart);
    if (ref.startsWith('//')) return scheme + ':' + ref;
    if (ref.startsWith('/')) return origin + ref;
    let path = pathStart < 0 ? '/' : base.substring(pathStart).replace(/[?#].*$/, '');
    if (ref === '') return base.replace(/#.*$/, '');
    if (ref.startsWith('?')) return origin + path + ref;
    if (ref.startsWith('#')) return base.replace(/#.*$/, '') + ref;
    path = path.substring(0, path.lastIndexOf('/') + 1) + ref;
    const out = [];
    for (const seg of path.split('/')) {
      if (seg === '..') { if (out.length > 1) out.pop(); } else if (seg !== '.') out.push(seg);
    }
    let joined = out.join('/');
    if (/\/\.\.?$/.test(path)) joined += '/';
    return origin + (joined.startsWith('/') ? joined : '/' + joined);
  }

  // Go's url.QueryEscape: spaces as '+', and the few characters encodeURIComponent leaves alone escaped
  function goQueryEscape(s) {
    return encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  }

  function pairsToObject(flat) {
    const out = {};
    for (let i = 0; i < flat.length; i += 2) out[flat[i]] = flat[i + 1];
    return out;
  }

  // ---- exports -----------------------------------------------------------------------------

  const exports = {
    get,
    head,
    post: methodWithBody('POST'),
    put: methodWithBody('PUT'),
    patch: methodWithBody('PATCH'),
    del: methodWithBody('DELETE'),
    options: methodWithBody('OPTIONS'),
    request,
    asyncRequest,
    batch,
    url,
    file,
    cookieJar,
    CookieJar,
    setResponseCallback,
    expectedStatuses,
  };
  const constants = {
    TLS_1_0: 'tls1.0', TLS_1_1: 'tls1.1', TLS_1_2: 'tls1.2', TLS_1_3: 'tls1.3',
    OCSP_STATUS_GOOD: 'good', OCSP_STATUS_REVOKED: 'revoked', OCSP_STATUS_SERVER_FAILED: 'server_failed',
    OCSP_STATUS_UNKNOWN: 'unknown',
  };
  for (const k of Object.keys(constants)) {
    Object.defineProperty(exports, k, { value: constants[k], enumerable: true });
  }
  return exports;
})
