/** k6/crypto: hashes, HMAC and random bytes; MD4 and RIPEMD-160 implemented here, the rest from the JDK. */
package dev.weft.js.module.crypto;
