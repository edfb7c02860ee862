package dev.weft.js.module.grpc;

import dev.weft.grpc.ConnectOptions;
import dev.weft.http.HttpClientConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;

/**
 * {@code client.connect()}'s params read as k6 reads them (each type checked, unknown keys refused),
 * with the test's insecureSkipTLSVerify and userAgent options.
 */
record ConnectParams(ConnectOptions options) {

    static ConnectParams read(Value params, HttpClientConfig http) {
        boolean plaintext = false;
        boolean reflect = false;
        Map<String, List<String>> reflectMetadata = Map.of();
        Duration timeout = Duration.ofMinutes(1);
        int maxReceive = 0;
        int maxSend = 0;
        String authority = "";
        ConnectOptions.Tls tls = null;
        if (!GrpcVuModule.absent(params)) {
            for (String k : params.getMemberKeys()) {
                Value v = params.getMember(k);
                switch (k) {
                    case "plaintext" -> plaintext = bool(v, "plaintext");
                    case "reflect" -> reflect = bool(v, "reflect");
                    case "reflectMetadata" -> reflectMetadata = CallParams.metadata(v, "reflectMetadata");
                    case "timeout" -> timeout = CallParams.duration(v);
                    case "maxReceiveSize" -> maxReceive = size(v, "maxReceiveSize");
                    case "maxSendSize" -> maxSend = size(v, "maxSendSize");
                    case "authority" -> {
                        if (!v.isString()) {
                            throw new IllegalArgumentException("invalid authority value: '" + v + "', it needs to be a string");
                        }
                        authority = v.asString();
                    }
                    case "tls" -> tls = tls(v);
                    default -> throw new IllegalArgumentException("unknown connect param: \"" + k + "\"");
                }
            }
        }
        return new ConnectParams(new ConnectOptions(plaintext, reflect, reflectMetadata, timeout, maxReceive, maxSend,
                authority, tls, http.insecureSkipTlsVerify(), http.userAgent()));
    }

    private static boolean bool(Value v, String name) {
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("invalid " + name + " value: '" + v + "', it needs to be boolean");
        }
        return v.asBoolean();
    }

    private static int size(Value v, String name) {
        if (!v.isNumber() || !v.fitsInLong()) {
            throw new IllegalArgumentException("invalid " + name + " value: '" + v + "', it needs to be an integer");
        }
        long n = v.asLong();
        if (n < 0) {
            throw new IllegalArgumentException("invalid " + name + " value: '" + v + ", it needs to be a positive integer");
        }
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    private static ConnectOptions.Tls tls(Value v) {
        if (GrpcVuModule.absent(v) || !v.hasMembers() || v.hasArrayElements()) {
            throw new IllegalArgumentException("invalid tls value: '" + v
                    + "', expected (optional) keys: cert, key, password, and cacerts");
        }
        String cert = pem(v, "cert", "it needs to be a PEM formatted string");
        String key = pem(v, "key", "it needs to be a PEM formatted string");
        String password = pem(v, "password", "it needs to be a string");
        List<String> cas = new ArrayList<>();
        Value c = v.getMember("cacerts");
        if (c != null && !c.isNull()) {
            if (c.isString()) {
                cas.add(c.asString());
            } else if (c.hasArrayElements()) {
                for (long i = 0; i < c.getArraySize(); i++) {
                    Value e = c.getArrayElement(i);
                    if (!e.isString()) {
                        throw new IllegalArgumentException("invalid tls cacerts value: '" + v
                                + "', it needs to be a string or an array of PEM formatted strings");
                    }
                    cas.add(e.asString());
                }
            } else {
                throw new IllegalArgumentException("invalid tls cacerts value: '" + v
                        + "', it needs to be a string or an array of PEM formatted strings");
            }
        }
        return new ConnectOptions.Tls(cert, key, cas, password);
    }

    private static String pem(Value tls, String name, String need) {
        Value v = tls.getMember(name);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isString()) {
            throw new IllegalArgumentException("invalid tls " + name + " value: '" + tls + "', " + need);
        }
        return v.asString();
    }
}
