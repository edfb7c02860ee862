package dev.weft.output.cloud;

import java.io.IOException;
import java.util.List;

/**
 * Turns aggregates taken from the {@link SeriesBuffer} into one request body of a metrics
 * protocol. Called on the output's sender thread only.
 */
interface BatchEncoder {
    Batch encode(String referenceId, List<SeriesBuffer.Entry> entries) throws IOException;
}
