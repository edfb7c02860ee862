/**
 * Real time-series stores (Debian's influxd, prometheus) started by tests on free loopback ports
 * in temporary directories, and queried over their HTTP APIs. Shared with the CLI's end-to-end
 * tests through this module's test jar.
 */
package dev.weft.output.stores;
