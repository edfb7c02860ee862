package dev.weft.cli.control;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.weft.cli.GlobalEnv;
import dev.weft.cli.UsageException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code weft status|pause|resume|scale [-u N] [-m N] [-a host:port]}: k6's commands that talk
 * to the control API of a running test ({@code weft run} serves it on --address, default
 * localhost:6565) and print the test's status, one {@code key: value} line each. Main thread.
 */
public final class ControlCommand {
    private final GlobalEnv global;

    public ControlCommand(GlobalEnv global) {
        this.global = global;
    }

    public int run(String command, List<String> args) throws UsageException, InterruptedException {
        String address = global.env().getOrDefault("K6_ADDRESS", "localhost:6565");
        Integer vus = null;
        Integer max = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            String inline = a.contains("=") ? a.substring(a.indexOf('=') + 1) : null;
            switch (name) {
                case "-a", "--address" -> address = inline != null ? inline : next(args, i++, a);
                case "-u", "--vus" -> vus = number(a, inline != null ? inline : next(args, i++, a));
                case "-m", "--max" -> max = number(a, inline != null ? inline : next(args, i++, a));
                default -> throw new UsageException("unknown flag: " + a);
            }
        }
        JsonObject change = new JsonObject();
        switch (command) {
            case "pause" -> change.addProperty("paused", true);
            case "resume" -> change.addProperty("paused", false);
            case "scale" -> {
                if (vus == null && max == null) {
                    throw new UsageException("Specify either -u/--vus or -m/--max");
                }
                if (vus != null) {
                    change.addProperty("vus", vus);
                }
                if (max != null) {
                    change.addProperty("vus-max", max);
                }
            }
            default -> { }
        }
        return call(address, command.equals("status") ? null : change);
    }

    private int call(String address, JsonObject attributes) throws InterruptedException {
        URI uri = URI.create("http://" + address + "/v1/status");
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        if (attributes == null) {
            req.GET();
        } else {
            JsonObject data = new JsonObject();
            data.addProperty("type", "status");
            data.addProperty("id", "default");
            data.add("attributes", attributes);
            JsonObject doc = new JsonObject();
            doc.add("data", data);
            req.method("PATCH", HttpRequest.BodyPublishers.ofString(doc.toString()))
                    .header("Content-Type", "application/json");
        }
        HttpResponse<String> res;
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            res = client.send(req.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            global.stderr().println("ERRO[0000] can't reach the control API at " + address + " (is a test running with "
                    + "--address " + address + "?): " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 255;
        }
        if (res.statusCode() / 100 != 2) {
            global.stderr().println("ERRO[0000] the control API answered " + res.statusCode() + ": " + res.body().trim());
            return 255;
        }
        try {
            JsonObject attrs = JsonParser.parseString(res.body()).getAsJsonObject().getAsJsonObject("data")
                    .getAsJsonObject("attributes");
            for (Map.Entry<String, JsonElement> e : attrs.entrySet()) {
                global.stdout().println(e.getKey() + ": " + e.getValue().getAsString());
            }
        } catch (JsonParseException | IllegalStateException | NullPointerException | ClassCastException e) {
            global.stdout().println(res.body());
        }
        return 0;
    }

    private static String next(List<String> args, int i, String flag) throws UsageException {
        if (i + 1 >= args.size()) {
            throw new UsageException("flag needs an argument: " + flag);
        }
        return args.get(i + 1);
    }

    private static int number(String flag, String v) throws UsageException {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException("invalid argument \"" + v + "\" for \"" + flag + "\": not a whole number");
        }
    }
}
