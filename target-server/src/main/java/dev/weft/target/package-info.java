/**
 * A local httpbin-like HTTP/1.1 target server, plain JDK, one virtual thread per connection.
 * Tests, benchmarks and the quickstart point load at it instead of the internet: it echoes
 * requests as JSON, answers with chosen statuses, delays, sizes, encodings, redirects, cookies
 * and auth challenges, and serves the same routes over TLS with a self-signed certificate.
 */
package dev.weft.target;
