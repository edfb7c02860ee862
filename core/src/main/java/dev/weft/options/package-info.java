/**
 * Test options: k6's option names and value forms, merged in k6's order (defaults, config
 * file, script, environment, flags) and turned into scenarios.
 */
package dev.weft.options;
