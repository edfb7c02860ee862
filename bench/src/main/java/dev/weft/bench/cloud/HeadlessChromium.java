package dev.weft.bench.cloud;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's headless Chromium driven through chromedriver's W3C WebDriver HTTP protocol (the
 * same one Selenium speaks; spoken here with the JDK's client so the bench needs no Selenium):
 * open a page, set a cookie, run a script. Loopback only. Owned by the bench's main thread.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final Process driver;
    private final String base;
    private final String session;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HeadlessChromium(Process driver, String base, String session) {
        this.driver = driver;
        this.base = base;
        this.session = session;
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    }

    static HeadlessChromium start(Path profile) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process driver = new ProcessBuilder(DRIVER.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String base = "http://127.0.0.1:" + port;
        HttpClient probe = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                if (probe.send(HttpRequest.newBuilder(URI.create(base + "/status")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    driver.destroyForcibly();
                    throw new IOException("chromedriver did not answer on port " + port + " within 20 s", e);
                }
            }
            Thread.sleep(100);
        }
        JsonObject chrome = new JsonObject();
        chrome.addProperty("binary", CHROMIUM.toString());
        com.google.gson.JsonArray args = new com.google.gson.JsonArray();
        for (String a : List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--user-data-dir=" + profile)) {
            args.add(a);
        }
        chrome.add("args", args);
        JsonObject always = new JsonObject();
        always.addProperty("browserName", "chrome");
        always.add("goog:chromeOptions", chrome);
        JsonObject caps = new JsonObject();
        caps.add("alwaysMatch", always);
        JsonObject body = new JsonObject();
        body.add("capabilities", caps);
        HeadlessChromium tmp = new HeadlessChromium(driver, base, null);
        JsonElement answer = tmp.call("POST", "/session", body);
        return new HeadlessChromium(driver, base, answer.getAsJsonObject().get("sessionId").getAsString());
    }

    private JsonElement call(String method, String path, JsonObject body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonObject json = JsonParser.parseString(r.body()).getAsJsonObject();
        if (r.statusCode() != 200) {
            throw new IOException("chromedriver " + method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return json.get("value");
    }

    /** Opens a URL; returns when the page's load event has fired. */
    void open(String url) throws IOException, InterruptedException {
        JsonObject body = new JsonObject();
        body.addProperty("url", url);
        call("POST", "/session/" + session + "/url", body);
    }

    /** Sets a cookie for the current page's site. */
    void cookie(String name, String value) throws IOException, InterruptedException {
        JsonObject cookie = new JsonObject();
        cookie.addProperty("name", name);
        cookie.addProperty("value", value);
        cookie.addProperty("path", "/");
        cookie.addProperty("httpOnly", true);
        JsonObject body = new JsonObject();
        body.add("cookie", cookie);
        call("POST", "/session/" + session + "/cookie", body);
    }

    /** Runs a script in the page and returns its value. */
    JsonElement script(String js) throws IOException, InterruptedException {
        JsonObject body = new JsonObject();
        body.addProperty("script", js);
        body.add("args", new com.google.gson.JsonArray());
        return call("POST", "/session/" + session + "/execute/sync", body);
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                call("DELETE", "/session/" + session, null);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the driver goes next anyway
        }
        driver.destroy();
        try {
            if (!driver.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                driver.destroyForcibly();
            }
        } catch (InterruptedException e) {
            driver.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        http.close();
    }
}
