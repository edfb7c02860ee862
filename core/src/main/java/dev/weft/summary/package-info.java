/**
 * The end-of-test summary: the groups-and-checks tree built from samples, k6's handleSummary
 * data object, the default text summary, and the legacy {@code --summary-export} JSON.
 */
package dev.weft.summary;
