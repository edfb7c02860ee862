/** weft run: loading, options, metrics, outputs, summary and exit code around the core test run. */
package dev.weft.cli.run;
