/** CommonJS {@code require()} and {@code module.exports}, as k6 runs them. */
package dev.weft.js.module.commonjs;
