package dev.weft.cli.run;

import dev.weft.lifecycle.StageException;

/** Calls the script's handleSummary(data): summary JSON in, its returned object as JSON out. */
@FunctionalInterface
interface SummaryHandler {
    String handle(String summaryJson) throws StageException;
}
