/** The k6 module: sleep, check, group, fail, randomSeed. */
package dev.weft.js.module.k6;
