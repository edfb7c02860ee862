package dev.weft.output;

import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What an output is told about the run when it is created, before the test starts.
 *
 * @param argument    the text after {@code =} in {@code --out name=argument}, or "" if none
 * @param workingDir  directory relative paths are resolved against
 * @param scriptPath  the script as given on the command line
 * @param env         the process environment plus {@code -e} values (K6_* settings live here)
 * @param maxVus      the most VUs the test can have
 * @param maxDuration the longest the test can run, graceful stops included
 * @param thresholds  threshold expressions per metric (sub-metric) name, as the script wrote them
 * @param stdout      where an output may print a line for the user (e.g. a run URL)
 * @param options     the script's consolidated options (e.g. {@code cloud.name} for the cloud
 *                    output); an empty object when the caller has none
 */
public record OutputParams(String argument, Path workingDir, String scriptPath, Map<String, String> env,
        int maxVus, Duration maxDuration, Map<String, List<String>> thresholds, PrintStream stdout,
        JsonObject options) {

    /** Without script options. */
    public OutputParams(String argument, Path workingDir, String scriptPath, Map<String, String> env,
            int maxVus, Duration maxDuration, Map<String, List<String>> thresholds, PrintStream stdout) {
        this(argument, workingDir, scriptPath, env, maxVus, maxDuration, thresholds, stdout, new JsonObject());
    }
}
