/** {@code k6/experimental/streams}: WHATWG ReadableStream with the default reader, on the VU's event loop. */
package dev.weft.js.module.streams;
