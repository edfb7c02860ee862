package dev.weft.js.module.http;

import dev.weft.http.CookieJar;
import dev.weft.http.ExpectedStatuses;
import dev.weft.http.HttpRequest;
import dev.weft.metrics.Tags;

/**
 * One script request after its arguments were read: what to send and how to treat the outcome.
 * Made and used on the VU's thread; immutable.
 *
 * @param userTags      {@code params.tags}, plus {@code name} from {@code http.url} when the
 *                      script gave no name tag
 * @param jar           {@code params.jar}, or null for the VU's own jar
 * @param callbackGiven true when {@code params.responseCallback} was given (then {@code callback}
 *                      replaces the VU's, null meaning "no http_req_failed")
 * @param throwErrors   k6's {@code throw}: from params, else from the options
 * @param redirectsSet  true when the redirect limit was chosen (params or option), which silences
 *                      the warning on reaching it
 */
record ParsedRequest(HttpRequest request, Tags userTags, CookieJar jar, boolean callbackGiven,
                     ExpectedStatuses callback, boolean throwErrors, boolean redirectsSet) {
}
