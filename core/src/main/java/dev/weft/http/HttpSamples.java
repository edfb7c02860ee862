package dev.weft.http;

import dev.weft.metrics.BuiltinMetrics;
import dev.weft.metrics.Metric;
import dev.weft.metrics.Sample;
import dev.weft.metrics.SampleSink;
import dev.weft.metrics.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Turns a finished {@link HttpResponse} into k6's HTTP samples, one set per round trip (redirects
 * and digest challenges included, as k6 does): {@code http_reqs}, {@code http_req_duration}, the
 * six phase trends, {@code http_req_failed}, plus {@code data_sent}/{@code data_received} for the
 * whole response. Called on the VU's thread right after {@link VuHttpClient#send}; the sink never
 * blocks. Stateless.
 *
 * <p>Tags per round trip: the caller's tags (group, scenario, user tags, a {@code name}) plus
 * method, url (the URL with credentials masked, or the caller's {@code name} when given), name
 * (defaults to url), status ("0" on network errors), proto, error and error_code (only when there
 * is one), tls_version (TLS only) and expected_response. {@code data_*} samples carry only the
 * caller's tags without {@code name}.
 */
public final class HttpSamples {
    private HttpSamples() {
    }

    /**
     * @param tags     the caller's tags: scenario, group, user tags, and {@code name} when set
     * @param expected the response callback, or null when the script disabled it (then no
     *                 {@code http_req_failed} and no {@code expected_response} tag, as in k6)
     */
    public static void emit(HttpResponse response, Tags tags, ExpectedStatuses expected, SampleSink sink) {
        List<Sample> out = new ArrayList<>(11 * response.roundTrips().size() + 2);
        collect(response, tags, expected, out);
        sink.pushAll(out);
    }

    private static void collect(HttpResponse response, Tags tags, ExpectedStatuses expected, List<Sample> sink) {
        long sent = 0;
        long received = 0;
        long lastTime = 0;
        String name = tags.get("name");
        for (RoundTrip trip : response.roundTrips()) {
            boolean isExpected = expected == null
                    || trip.authChallenge() || expected.isExpected(trip.status());
            Tags t = tripTags(trip, tags, name, expected == null ? null : isExpected);
            long time = trip.endTimeMillis();
            HttpTimings timings = trip.timings();
            sink.add(new Sample(BuiltinMetrics.HTTP_REQS, t, time, 1));
            push(sink, BuiltinMetrics.HTTP_REQ_DURATION, t, time, timings.duration());
            push(sink, BuiltinMetrics.HTTP_REQ_BLOCKED, t, time, timings.blocked());
            push(sink, BuiltinMetrics.HTTP_REQ_CONNECTING, t, time, timings.connecting());
            push(sink, BuiltinMetrics.HTTP_REQ_TLS_HANDSHAKING, t, time, timings.tlsHandshaking());
            push(sink, BuiltinMetrics.HTTP_REQ_SENDING, t, time, timings.sending());
            push(sink, BuiltinMetrics.HTTP_REQ_WAITING, t, time, timings.waiting());
            push(sink, BuiltinMetrics.HTTP_REQ_RECEIVING, t, time, timings.receiving());
            if (expected != null) {
                push(sink, BuiltinMetrics.HTTP_REQ_FAILED, t, time, isExpected ? 0 : 1);
            }
            sent += trip.bytesSent();
            received += trip.bytesReceived();
            lastTime = time;
        }
        if (lastTime != 0) {
            Tags dataTags = name == null ? tags : without(tags, "name");
            push(sink, BuiltinMetrics.DATA_SENT, dataTags, lastTime, sent);
            push(sink, BuiltinMetrics.DATA_RECEIVED, dataTags, lastTime, received);
        }
    }

    private static void push(List<Sample> sink, Metric metric, Tags tags, long time, double value) {
        sink.add(new Sample(metric, tags, time, value));
    }

    private static Tags tripTags(RoundTrip trip, Tags base, String name, Boolean expected) {
        TreeMap<String, String> m = new TreeMap<>(base.map());
        String url = name != null ? name : cleanUrl(trip.url());
        m.put("url", url);
        m.put("name", name != null ? name : url);
        m.put("method", trip.method());
        m.put("status", Integer.toString(trip.status()));
        if (!trip.proto().isEmpty()) {
            m.put("proto", trip.proto());
        }
        if (!trip.error().isEmpty()) {
            m.put("error", trip.error());
        }
        if (trip.errorCode() != 0) {
            m.put("error_code", Integer.toString(trip.errorCode()));
        }
        if (!trip.tlsVersion().isEmpty()) {
            m.put("tls_version", trip.tlsVersion());
        }
        if (expected != null) {
            m.put("expected_response", expected ? "true" : "false");
        }
        return new Tags(m);
    }

    private static String cleanUrl(String url) {
        int at = url.indexOf('@');
        if (at < 0) {
            return url;
        }
        try {
            return HttpUrl.parse(url).clean();
        } catch (HttpFailure e) {
            return url;
        }
    }

    private static Tags without(Tags tags, String key) {
        TreeMap<String, String> m = new TreeMap<>(tags.map());
        m.remove(key);
        return new Tags(m);
    }
}
