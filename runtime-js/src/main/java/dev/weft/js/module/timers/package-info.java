/** k6/timers and the VU's event loop: timers, promises, and iterations that end when both settle. */
package dev.weft.js.module.timers;
