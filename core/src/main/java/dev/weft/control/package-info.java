/**
 * k6's REST API for watching and steering a running test ({@code --address}): status,
 * pause and resume, stop, and live VU changes for the externally-controlled executor.
 */
package dev.weft.control;
