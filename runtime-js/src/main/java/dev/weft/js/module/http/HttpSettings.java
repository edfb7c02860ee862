package dev.weft.js.module.http;

import dev.weft.options.TestOptions;

/**
 * The k6 options the {@code k6/http} module reads for itself (the connection-level ones go to the
 * engine through {@link HttpModule#engineConfig}). Read once per VU from the test's options;
 * immutable.
 *
 * @param discardResponseBodies k6's {@code discardResponseBodies}: responseType "none" by default
 * @param throwErrors           k6's {@code throw}: network and argument errors throw
 * @param maxRedirects          k6's {@code maxRedirects} (default 10)
 * @param maxRedirectsSet       true when the option was given, which silences k6's warning on
 *                              reaching the limit
 * @param noCookiesReset        k6's {@code noCookiesReset}: keep the VU's cookies across iterations
 * @param batch                 k6's {@code batch}: requests of one http.batch() in flight at once
 *                              (default 20)
 */
record HttpSettings(boolean discardResponseBodies, boolean throwErrors, int maxRedirects, boolean maxRedirectsSet,
                    boolean noCookiesReset, int batch) {
    static final int DEFAULT_MAX_REDIRECTS = 10;
    static final int DEFAULT_BATCH = 20;

    static HttpSettings from(TestOptions options) {
        return new HttpSettings(options.bool("discardResponseBodies"), options.bool("throw"),
                options.integer("maxRedirects").map(Math::toIntExact).orElse(DEFAULT_MAX_REDIRECTS),
                options.has("maxRedirects"), options.bool("noCookiesReset"),
                Math.max(1, options.integer("batch").map(Math::toIntExact).orElse(DEFAULT_BATCH)));
    }
}
