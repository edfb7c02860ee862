/** The output SPI: where samples go besides the summary (json, csv, cloud implement it in the outputs module). */
package dev.weft.output;
