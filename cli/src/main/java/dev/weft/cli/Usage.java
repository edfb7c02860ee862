package dev.weft.cli;

/** The text of {@code weft help}. */
final class Usage {
    private Usage() {
    }

    static final String TEXT = """
            weft: run k6 scripts, more load per core.

            Usage:
              weft run [flags] script.js     run a k6 test script (.js, .ts) or archive (.tar)
              weft new [file] [--force]      write a starter script (default script.js)
              weft inspect [--execution-requirements] script.js
                                             print the test's consolidated options as JSON
              weft archive [-O archive.tar] script.js
                                             bundle the script, its modules and opened files
              weft status|pause|resume       ask or steer a running test (-a/--address, default localhost:6565)
              weft scale -u N [-m MAX]       change the VUs of a running externally-controlled test
              weft quickstart                run the bundled example against a built-in local target
              weft login cloud [--token T]   store a results-service token (or ask for email and password)
              weft cloud serve [flags]       run the self-hosted results service
              weft target [port [httpsPort]] run the built-in httpbin-like target on loopback
              weft version                   print the version

            Run flags (k6's): -u/--vus N, -d/--duration D, -i/--iterations N, -s/--stage D:T,
              -e/--env K=V, --tag K=V, -o/--out json=F|csv=F|cloud|statsd|influxdb=URL|xk6-influxdb[=URL]
              |experimental-prometheus-rw|experimental-opentelemetry (K6_* settings), --no-setup, --no-teardown,
              --summary-trend-stats S, --summary-export F, --no-summary, --no-thresholds,
              --no-color, -q/--quiet, --insecure-skip-tls-verify, --user-agent UA, -w/--throw,
              --no-connection-reuse, --no-vu-connection-reuse, -c/--config F (k6 JSON config),
              --compatibility-mode extended|base, --http-debug[=full], --log-output stderr|stdout|none|file=F,
              --log-format json|raw, -a/--address HOST:PORT, -p/--paused, --execution-segment S,
              --include-system-env-vars=false
              Options precedence (as k6): defaults < config file < script < K6_* environment < flags.

            Exit codes: 0 ok, 99 thresholds failed, 100 setup timeout, 101 teardown timeout,
              104 invalid options, 105 stopped by Ctrl-C/SIGTERM, 107 script error,
              108 test.abort() called, 255 bad command or flag.
            """;
}
