/** Module names k6 has graduated or removed: importing one fails with k6's message. */
package dev.weft.js.module.removed;
