/** The command line: argument parsing, the process globals, and wiring of the other modules. Thin. */
package dev.weft.cli;
