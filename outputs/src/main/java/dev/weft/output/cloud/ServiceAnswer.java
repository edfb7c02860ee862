package dev.weft.output.cloud;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the results service says in the body of an accepted metrics push (its
 * {@code IngestResponse}: {@code samples}, {@code overflow_samples}, {@code lost_samples},
 * {@code warnings}). k6's own service answers with no body, so every field is optional and
 * an absent or unreadable body is simply no answer. Read on the output's sender thread.
 *
 * @param samples         samples the service counted in the batch, or -1 when it did not say
 * @param lostSamples     samples it could not store
 * @param overflowSamples samples folded into an overflow series (past the run's series budget)
 * @param warnings        lines the service asks the runner to print
 */
record ServiceAnswer(long samples, long lostSamples, long overflowSamples, List<String> warnings) {

    static Optional<ServiceAnswer> read(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonElement root = JsonParser.parseString(body);
            if (!root.isJsonObject()) {
                return Optional.empty();
            }
            JsonObject o = root.getAsJsonObject();
            List<String> warnings = new ArrayList<>();
            if (o.has("warnings") && o.get("warnings").isJsonArray()) {
                o.getAsJsonArray("warnings").forEach(w -> {
                    if (w.isJsonPrimitive()) {
                        warnings.add(w.getAsString());
                    }
                });
            }
            return Optional.of(new ServiceAnswer(number(o, "samples", -1), number(o, "lost_samples", 0),
                    number(o, "overflow_samples", 0), List.copyOf(warnings)));
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static long number(JsonObject o, String field, long fallback) {
        JsonElement e = o.get(field);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsLong() : fallback;
    }

    /**
     * What the service confirmed it stored of a batch standing for {@code sent} samples: all but
     * the ones it says it lost. Its {@code samples} count is not comparable over k6's v2 protocol
     * (a counter's second arrives as one value, whatever number of samples made it).
     */
    long confirmed(long sent) {
        return Math.max(0, sent - lostSamples);
    }

    /** The cardinality warning to print once: the service folded new series into overflow series. */
    Optional<String> overflowWarning() {
        if (overflowSamples <= 0) {
            return Optional.empty();
        }
        return Optional.of(warnings.isEmpty()
                ? "the results service reached this run's series budget and folds new series into one overflow "
                        + "series per metric: totals and percentiles stay exact, but those samples lose their tags"
                : warnings.get(0));
    }
}
