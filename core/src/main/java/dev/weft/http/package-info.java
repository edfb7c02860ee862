/**
 * Weft's HTTP engine: a blocking HTTP/1.1 client built for virtual threads, with k6's request
 * semantics (redirects, cookies, auth, compression, error codes) and k6's per-request timing
 * phases measured at socket level. It knows nothing of JavaScript: the {@code k6/http} JS module
 * turns script arguments into an {@link dev.weft.http.HttpRequest}, calls its VU's
 * {@link dev.weft.http.VuHttpClient}, converts the {@link dev.weft.http.HttpResponse} back, and
 * hands the response to {@link dev.weft.http.HttpSamples} to record k6's {@code http_req_*}
 * metrics.
 *
 * <p>One {@link dev.weft.http.HttpEngine} is built per test from an
 * {@link dev.weft.http.HttpClientConfig} and shared by every VU; each VU owns one
 * {@link dev.weft.http.VuHttpClient} (its connections) and one
 * {@link dev.weft.http.CookieJar}.
 */
package dev.weft.http;
