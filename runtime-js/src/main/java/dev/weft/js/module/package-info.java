/** k6's built-in JS modules: the module contract, the per-VU scope modules see, and the registry. Each module lives in its own sub-package, a Java half plus a JS half under resources. */
package dev.weft.js.module;
