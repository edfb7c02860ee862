package dev.weft.cli;

/** The text of {@code weft help}. */
final class Usage {
    private Usage() {
    }

    static final String TEXT = """
            weft: run k6 scripts, more load per core.

            Usage:
              weft run [flags] script.js     run a k6 test script
              weft quickstart                run the bundled example against a built-in local target
              weft login cloud [--token T]   store a results-service token (or ask for email and password)
              weft cloud serve [flags]       run the self-hosted results service
              weft target [port [httpsPort]] run the built-in httpbin-like target on loopback
              weft version                   print the version

            Run flags (k6's): -u/--vus N, -d/--duration D, -i/--iterations N, -s/--stage D:T,
              -e/--env K=V, --tag K=V, -o/--out json=F|csv=F|cloud, --no-setup, --no-teardown,
              --summary-trend-stats S, --summary-export F, --no-summary, --no-thresholds,
              --no-color, -q/--quiet, --insecure-skip-tls-verify, --user-agent UA, -w/--throw,
              --no-connection-reuse, --no-vu-connection-reuse

            Exit codes: 0 ok, 99 thresholds failed, 100 setup timeout, 101 teardown timeout,
              104 invalid options, 105 stopped by Ctrl-C/SIGTERM, 107 script error,
              108 test.abort() called, 255 bad command or flag.
            """;
}
