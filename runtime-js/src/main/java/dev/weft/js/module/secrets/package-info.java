/** {@code k6/secrets} and the {@code --secret-source} sources behind it, with log redaction of every secret read. */
package dev.weft.js.module.secrets;
