/**
 * The {@code k6/http} module: the JS half ({@code http.js}) shapes script arguments and builds
 * response objects; the Java half turns them into {@link dev.weft.http.HttpRequest}s for the VU's
 * {@link dev.weft.http.VuHttpClient}, records k6's HTTP samples and hands responses back as lazy
 * handles, so a script pays only for the response fields it reads.
 */
package dev.weft.js.module.http;
