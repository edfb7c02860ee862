package dev.weft.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx in the foreground on a free loopback port, one worker, in a temporary folder of
 * its own: either {@code stock} (Debian's welcome page from disk, access log on) or {@code tiny}
 * (a fixed 17-byte body, no log, so nginx costs next to nothing and the client's CPU decides).
 * Started by a bench's main thread, which closes it at the end. Needs the Debian package nginx.
 */
final class LocalNginx implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final int port;

    private LocalNginx(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    static LocalNginx start(boolean stock) throws IOException, InterruptedException {
        // readable by nginx's worker (user nobody): a 0700 temp dir made every request a 403
        Path dir = Files.createTempDirectory("weft-bench-nginx",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        int port = freePort();
        LocalNginx nginx = new LocalNginx(launch(dir, port, stock), dir, port);
        try {
            nginx.waitForPort();
        } catch (IOException | RuntimeException e) {
            nginx.close();
            throw e;
        }
        return nginx;
    }

    /** The folder nginx runs in (world-readable): benches put their scripts here too. */
    Path dir() {
        return dir;
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    private static Process launch(Path dir, int port, boolean stock) throws IOException {
        Files.createDirectories(dir.resolve("logs"));
        Files.createDirectories(dir.resolve("tmp"));
        Files.createDirectories(dir.resolve("html"));
        Path welcome = Path.of("/var/www/html/index.nginx-debian.html");
        Files.writeString(dir.resolve("html/index.html"), Files.isReadable(welcome) ? Files.readString(welcome)
                : "<!DOCTYPE html>\n<html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to nginx!</h1>"
                        + "<p>If you see this page, the nginx web server is successfully installed and working.</p>"
                        + "</body></html>\n");
        String http = stock ? """
                  access_log %1$s/logs/access.log;
                  sendfile on;
                  server {
                    listen 127.0.0.1:%2$d;
                    root %1$s/html;
                    index index.html;
                  }
                """ : """
                  access_log off;
                  keepalive_requests 10000000;
                  server {
                    listen 127.0.0.1:%2$d;
                    location / { default_type text/plain; return 200 "hello from nginx\\n"; }
                  }
                """;
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log;
                events { worker_connections 1024; }
                http {
                  client_body_temp_path %1$s/tmp; proxy_temp_path %1$s/tmp; fastcgi_temp_path %1$s/tmp;
                  uwsgi_temp_path %1$s/tmp; scgi_temp_path %1$s/tmp;
                %3$s}
                """.formatted(dir, port, http.formatted(dir, port)));
        String nginx = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
        try {
            return new ProcessBuilder(nginx, "-c", conf.toString(), "-p", dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("logs/stdout.log").toFile()).start();
        } catch (IOException e) {
            throw new IOException("can't start nginx (apt-get install nginx): " + e.getMessage(), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void waitForPort() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("nginx exited at start: see " + dir.resolve("logs"));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IOException("nginx did not start listening on port " + port);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
    }
}
