/**
 * The global {@code crypto} object of k6 v1 (WebCrypto): {@code getRandomValues},
 * {@code randomUUID} and {@code crypto.subtle}. The cryptography is the JDK's JCA, done here
 * in Java on the calling VU's thread; the JS half (webcrypto.js) shapes arguments, wraps key
 * handles in {@code CryptoKey} objects and returns promises.
 */
package dev.weft.js.module.webcrypto;
