/** k6/execution: where the VU, its scenario, this instance and the test stand; test.abort(). */
package dev.weft.js.module.execution;
