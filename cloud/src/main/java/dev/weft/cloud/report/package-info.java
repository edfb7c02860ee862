/**
 * The exported report: one self-contained HTML file of a run (the run page's markup, styles,
 * scripts, uPlot and the API answers of its default views inlined) that works opened from
 * {@code file://} offline.
 */
package dev.weft.cloud.report;
