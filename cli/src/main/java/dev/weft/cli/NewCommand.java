package dev.weft.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code weft new [file] [-f|--force]}: writes a starter k6 script (default {@code
 * script.js}); refuses to overwrite an existing file without --force, as {@code k6 new} does.
 */
final class NewCommand {
    static final String TEMPLATE = """
            import http from 'k6/http';
            import { check, sleep } from 'k6';

            // Run with: weft run %s
            // Point it at your own service with: weft run -e BASE_URL=http://localhost:8080 %s
            export const options = {
              vus: 10,
              duration: '30s',
              thresholds: {
                http_req_failed: ['rate<0.01'],
                http_req_duration: ['p(95)<500'],
              },
            };

            const BASE_URL = __ENV.BASE_URL || 'https://quickpizza.grafana.com';

            export default function () {
              const res = http.get(`${BASE_URL}/`);
              check(res, { 'status is 200': (r) => r.status === 200 });
              sleep(1);
            }
            """;

    private final GlobalEnv global;

    NewCommand(GlobalEnv global) {
        this.global = global;
    }

    int run(List<String> args) throws UsageException {
        String name = null;
        boolean force = false;
        for (String a : args) {
            switch (a) {
                case "-f", "--force" -> force = true;
                default -> {
                    if (a.startsWith("-")) {
                        throw new UsageException("unknown flag: " + a);
                    }
                    if (name != null) {
                        throw new UsageException("weft new takes one file name, got \"" + name + "\" and \"" + a + "\"");
                    }
                    name = a;
                }
            }
        }
        name = name == null ? "script.js" : name;
        Path target = global.cwd().resolve(name);
        if (Files.exists(target) && !force) {
            global.stderr().println("ERRO[0000] " + name + " already exists. Use the `--force` flag to overwrite it");
            return 255;
        }
        try {
            Files.writeString(target, TEMPLATE.formatted(name, name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            global.stderr().println("ERRO[0000] can't write " + name + ": " + e.getMessage());
            return 255;
        }
        global.stdout().println("New script created: " + name);
        return 0;
    }
}
