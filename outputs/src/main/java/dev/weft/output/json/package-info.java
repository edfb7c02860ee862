/**
 * {@code --out json=file}: every sample as a line of JSON in k6's format, a {@code Metric} line
 * the first time a metric is seen and a {@code Point} line per sample; {@code .gz} compresses.
 */
package dev.weft.output.json;
