package dev.weft.js.module.redis;

/** A command failed; the message is what the promise rejects with, worded as k6 words it. */
final class RedisFailure extends RuntimeException {
    RedisFailure(String message) {
        super(message, null, false, false);
    }
}
