package dev.weft.grpc;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What {@code client.connect(addr, params)} asks for, with k6's defaults already applied.
 *
 * @param tls                  the {@code tls} param, or null for the JDK's trust store and no client certificate
 * @param insecureSkipTlsVerify the test's insecureSkipTLSVerify option
 * @param userAgent            the test's userAgent option ("" sends grpc-java's own)
 */
public record ConnectOptions(boolean plaintext, boolean reflect, Map<String, List<String>> reflectMetadata,
        Duration timeout, int maxReceiveSize, int maxSendSize, String authority, Tls tls,
        boolean insecureSkipTlsVerify, String userAgent) {

    /**
     * The {@code tls} param: PEM text, as k6 takes it.
     *
     * @param password decrypts {@code key} when it is a legacy encrypted PEM key
     */
    public record Tls(String cert, String key, List<String> caCerts, String password) {
    }
}
