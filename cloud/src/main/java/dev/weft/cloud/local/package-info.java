/**
 * The results service embedded in {@code weft run} for k6's local web dashboard
 * ({@code K6_WEB_DASHBOARD=true}): in memory, loopback only, no login.
 */
package dev.weft.cloud.local;
