/**
 * How script code reaches GraalJS beyond plain local files: remote module imports fetched once
 * and cached on disk, local stand-ins for popular jslib modules, TypeScript type stripping,
 * inline source maps for error locations, and the compatibility mode. Used by {@code
 * dev.weft.js.JsProgram} and its module file system at load time and while init code runs.
 */
package dev.weft.js.loader;
