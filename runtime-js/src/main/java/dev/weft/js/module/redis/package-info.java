/**
 * {@code k6/experimental/redis}: k6's Redis client (xk6-redis as k6 v1.3.0 bundles it) over Jedis,
 * every command a promise settled on the VU's event loop.
 */
package dev.weft.js.module.redis;
