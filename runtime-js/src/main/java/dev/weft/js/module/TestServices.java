package dev.weft.js.module;

import dev.weft.http.HttpEngine;
import dev.weft.metrics.MetricRegistry;
import dev.weft.metrics.SampleSink;
import dev.weft.metrics.Tags;
import dev.weft.options.TestOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What the test shares with every VU's modules: built once at start-up, thread-safe.
 *
 * @param env       {@code __ENV}: process environment plus {@code -e} values
 * @param scriptDir directory of the main script, where relative {@code open()} paths start
 * @param console   where console.* output and iteration errors go
 */
public record TestServices(Map<String, String> env, TestOptions options, MetricRegistry metrics,
        SampleSink sink, HttpEngine http, Clock clock, Tags testTags, Path scriptDir, ScriptConsole console) {
}
