/**
 * The test lifecycle: init every VU, run setup once, run the scenarios, run teardown once,
 * with k6's barriers between the stages and its exit codes.
 */
package dev.weft.lifecycle;
