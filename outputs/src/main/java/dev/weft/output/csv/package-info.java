/**
 * {@code --out csv=file}: every sample as a CSV row with k6's columns (one per indexable
 * system tag, then {@code extra_tags} and {@code metadata}); {@code .gz} compresses.
 */
package dev.weft.output.csv;
