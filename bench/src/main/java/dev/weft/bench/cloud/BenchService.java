package dev.weft.bench.cloud;

import dev.weft.cloud.ResultsService;
import dev.weft.cloud.ServiceConfig;
import dev.weft.cloud.account.Principal;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The results service alone in its own JVM, so a bench can read its RSS: starts on a free
 * loopback port (H2 in a temp dir, or {@code url user password}), makes a user and token,
 * prints {@code <baseUrl> <token>} on one line and serves until its standard input closes.
 */
public final class BenchService {
    private BenchService() {
    }

    public static void main(String[] args) throws Exception {
        ServiceConfig config = ServiceConfig.defaults().withPort(0).withPasswordIterations(1000)
                .withDatabase(ServiceConfig.defaultJdbcUrl(Files.createTempDirectory("weft-cloud-bench")), null, null);
        if (args.length >= 3) {
            config = config.withDatabase(args[0], args[1], args[2]);
        }
        try (ResultsService service = ResultsService.start(config)) {
            Principal p = service.accounts().createUser(service.accounts().organisation("bench"), "bench@localhost", "pw");
            System.out.println(service.baseUrl() + " " + service.accounts().createToken(p));
            System.out.flush();
            while (System.in.read() != -1) {
                // serve until the bench closes our stdin
            }
        }
    }

    /** The resident set of a process in KiB now and at its peak, from /proc (Linux). */
    static long[] rssKiB(long pid) throws java.io.IOException {
        long rss = 0;
        long hwm = 0;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", ""));
            } else if (line.startsWith("VmHWM:")) {
                hwm = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return new long[] {rss, hwm};
    }
}
