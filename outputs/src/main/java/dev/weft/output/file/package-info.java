/** Where line-oriented outputs write: files (gzipped or not) or standard output, off the pipeline's thread. */
package dev.weft.output.file;
