package dev.weft.js.module.http;

import dev.weft.http.CookieJar;
import dev.weft.http.ExpectedStatuses;
import dev.weft.http.HttpEngine;
import dev.weft.http.HttpHeaders;
import dev.weft.http.HttpResponse;
import dev.weft.http.HttpSamples;
import dev.weft.http.HttpTimings;
import dev.weft.http.HttpRequest;
import dev.weft.http.ResponseType;
import dev.weft.http.VuHttpClient;
import dev.weft.js.module.HostObject;
import dev.weft.js.module.Phase;
import dev.weft.js.module.VuScope;
import dev.weft.js.module.timers.EventLoop;
import dev.weft.js.module.timers.TimersModule;
import dev.weft.metrics.Tags;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * The Java half of {@code k6/http} for one VU: sends requests through the VU's own
 * {@link VuHttpClient} and cookie jar, records k6's HTTP samples, and hands responses to http.js
 * as {@link ResponseHandle}s. Made by {@link HttpModule#instance} and called only on the VU's
 * thread, so it holds per-VU state without locks.
 *
 * <p>Errors go back to http.js as a string return value, which it throws as a JS {@code Error}:
 * requests in the init stage, bad methods, and (with k6's {@code throw} option) network and
 * argument errors. Without {@code throw}, those come back as responses with {@code error} and
 * {@code error_code}, and a "Request Failed" warning is logged, as k6 does.
 */
final class HttpHost {
    private final VuScope vu;
    private final HttpEngine engine;
    private final VuHttpClient client;
    private final CookieJar jar;
    private final HttpSettings settings;
    private final RequestReader reader;
    private final HttpDebug debug;
    private ExpectedStatuses callback = ExpectedStatuses.defaults();
    private Tags tagsSeen;
    private String groupSeen;
    private Tags sampleTags;

    HttpHost(VuScope vu, HttpEngine engine, HttpSettings settings) {
        this.vu = vu;
        this.engine = engine;
        this.settings = settings;
        this.client = engine.newVuClient();
        this.jar = engine.newCookieJar();
        this.reader = new RequestReader(settings);
        this.debug = HttpDebug.from(vu.services().options());
        if (!settings.noCookiesReset()) {
            vu.onIterationStart(jar::clearAll);
        }
        vu.onIterationEnd(client::endIteration);
        vu.onClose(client::close);
    }

    /** @param selectPath the JS function of http-select.js, handed back to http.js */
    ProxyObject build(Value selectPath) {
        HostObject host = new HostObject()
                .value("selectPath", selectPath)
                .fn("request", args -> request(args[0], args[1], args[2], args[3], args[4]))
                .fn("batch", args -> batch(args[0]))
                .fn("asyncRequest", args -> asyncRequest(args[0], args[1], args[2], args[3], args[4], args[5]))
                .fn("expectedStatuses", args -> expectedStatuses(args[0]))
                .fn("setResponseCallback", args -> {
                    callback = args[0].isNull() ? null : args[0].asHostObject();
                    return null;
                })
                .fn("newJar", args -> engine.newCookieJar())
                .fn("vuJar", args -> vu.phase() == Phase.INIT
                        ? "Using cookie jars in the init context is not supported" : jar);
        JarFunctions.addTo(host);
        return host.build();
    }

    /** The VU's own cookie jar (emptied at each iteration start unless noCookiesReset). */
    CookieJar jar() {
        return jar;
    }

    private Object request(Value method, Value url, Value name, Value body, Value params) {
        if (vu.phase() == Phase.INIT) {
            return "Making http requests in the init context is not supported";
        }
        ParsedRequest p;
        try {
            p = reader.read(method, url, name, body, params);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        } catch (RequestArgumentException e) {
            return argumentFailure(e, settings.throwErrors(), url.asString());
        }
        HttpResponse r;
        try {
            r = client.send(p.request(), p.jar() == null ? jar : p.jar());
        } catch (IllegalArgumentException e) {
            return argumentFailure(new RequestArgumentException(e.getMessage(), 0), p.throwErrors(), url.asString());
        }
        return finish(p, r);
    }

    /**
     * k6's http.asyncRequest: the request goes out on its own thread while the VU's event loop
     * runs on; {@code done} (a JS function) gets the handle or the error text on the VU's thread.
     * Returns a handle or error text at once when the request never leaves (bad arguments, init
     * code), else null.
     */
    private Object asyncRequest(Value method, Value url, Value name, Value body, Value params, Value done) {
        if (vu.phase() == Phase.INIT) {
            return "Making http requests in the init context is not supported";
        }
        ParsedRequest p;
        try {
            p = reader.read(method, url, name, body, params);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        } catch (RequestArgumentException e) {
            return argumentFailure(e, settings.throwErrors(), url.asString());
        }
        VuHttpClient.AsyncSend send;
        try {
            send = client.sendAsync(p.request(), p.jar() == null ? jar : p.jar());
        } catch (IllegalArgumentException e) {
            return argumentFailure(new RequestArgumentException(e.getMessage(), 0), p.throwErrors(), url.asString());
        }
        EventLoop.Pending pending = TimersModule.loopOf(vu.context().getBindings("js").getMember("__weftModule")
                .execute(TimersModule.NAME)).reserve();
        send.response().whenComplete((r, failure) -> pending.complete(() -> {
            send.finish().run();
            done.execute(failure != null ? String.valueOf(failure.getMessage()) : finish(p, r));
        }));
        return null;
    }

    /** Records the samples of a sent request and decides between a handle and an error to throw. */
    private Object finish(ParsedRequest p, HttpResponse r) {
        debug.log(r, vu.services().console());
        HttpSamples.emit(r, tagsFor(p), p.callbackGiven() ? p.callback() : callback, vu.services().sink());
        if (!r.error().isEmpty()) {
            if (p.throwErrors()) {
                return r.error();
            }
            warn("Request Failed error=\"" + r.error() + "\"");
        }
        if (r.redirectLimitReached() && !p.redirectsSet()) {
            warn("Stopped after " + p.request().maxRedirects() + " redirects and returned the redirection; pass "
                    + "{ redirects: n } in request params or set global maxRedirects to silence this url="
                    + p.request().url());
        }
        return new ResponseHandle(r, p.request().responseType());
    }

    private Object argumentFailure(RequestArgumentException e, boolean throwErrors, String url) {
        if (throwErrors) {
            return e.getMessage();
        }
        warn("Request Failed error=\"" + e.getMessage() + "\"");
        HttpResponse r = new HttpResponse(0, "", "", HttpHeaders.EMPTY, new byte[0], url, "", 0, "", "",
                e.getMessage(), e.code(), HttpTimings.ZERO, List.of(), false);
        return new ResponseHandle(r, settings.discardResponseBodies()
                ? ResponseType.NONE : ResponseType.TEXT);
    }

    /**
     * k6's http.batch: every item sent in parallel over the VU's connections, at most
     * {@code batch} at once. Items whose arguments fail get an error response and are not sent.
     * The batch uses one cookie jar: the one every item names, else the VU's.
     */
    private Object batch(Value items) {
        if (vu.phase() == Phase.INIT) {
            return "Using batch in the init context is not supported";
        }
        int n = Math.toIntExact(items.getArraySize());
        Object[] handles = new Object[n];
        List<ParsedRequest> parsed = new ArrayList<>(n);
        List<Integer> slots = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Value a = items.getArrayElement(i);
            Value url = a.getArrayElement(1);
            try {
                parsed.add(reader.read(a.getArrayElement(0), url, a.getArrayElement(2), a.getArrayElement(3),
                        a.getArrayElement(4)));
                slots.add(i);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            } catch (RequestArgumentException e) {
                Object failure = argumentFailure(e, settings.throwErrors(), url.asString());
                if (failure instanceof String s) {
                    return s;
                }
                handles[i] = failure;
            }
        }
        List<HttpRequest> requests = parsed.stream().map(ParsedRequest::request).toList();
        List<HttpResponse> responses;
        try {
            responses = requests.isEmpty() ? List.of() : client.sendAll(requests, batchJar(parsed), settings.batch());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        String toThrow = null;
        for (int k = 0; k < responses.size(); k++) {
            Object h = finish(parsed.get(k), responses.get(k));
            if (h instanceof String s) {
                toThrow = toThrow == null ? s : toThrow;
                h = new ResponseHandle(responses.get(k), parsed.get(k).request().responseType());
            }
            handles[slots.get(k)] = h;
        }
        return toThrow != null ? toThrow : ProxyArray.fromArray(handles);
    }

    private CookieJar batchJar(List<ParsedRequest> parsed) {
        CookieJar shared = parsed.get(0).jar();
        for (ParsedRequest p : parsed) {
            if (p.jar() != shared) {
                return jar;
            }
        }
        return shared == null ? jar : shared;
    }

    private static ExpectedStatuses expectedStatuses(Value flat) {
        List<ExpectedStatuses.Range> ranges = new ArrayList<>();
        long n = flat.getArraySize();
        for (long i = 0; i + 1 < n; i += 2) {
            ranges.add(new ExpectedStatuses.Range(flat.getArrayElement(i).asInt(), flat.getArrayElement(i + 1).asInt()));
        }
        return new ExpectedStatuses(ranges);
    }

    /** The VU's sample tags plus the request's; the VU's part is rebuilt only when its tags or group change. */
    private Tags tagsFor(ParsedRequest p) {
        Tags iterationTags = vu.tags();
        String group = vu.group();
        if (iterationTags != tagsSeen || !group.equals(groupSeen)) {
            tagsSeen = iterationTags;
            groupSeen = group;
            sampleTags = vu.sampleTags();
        }
        return sampleTags.merge(p.userTags());
    }

    private void warn(String text) {
        vu.services().console().log("warn", text);
    }
}
