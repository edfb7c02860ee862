/** k6/data: SharedArray, built once per test, stored once, read by every VU without a copy. */
package dev.weft.js.module.data;
