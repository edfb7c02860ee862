/** {@code k6/experimental/fs} and {@code k6/experimental/csv}: files opened in init code, read per VU. */
package dev.weft.js.module.fs;
