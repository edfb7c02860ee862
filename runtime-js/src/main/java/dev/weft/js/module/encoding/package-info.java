/** k6/encoding: base64 in k6's four variants. */
package dev.weft.js.module.encoding;
