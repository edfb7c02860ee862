/**
 * Process signals: SIGINT and SIGTERM reach Weft's handlers whatever disposition the process
 * inherited (a non-interactive shell starts background jobs with SIGINT ignored).
 */
package dev.weft.cli.signal;
