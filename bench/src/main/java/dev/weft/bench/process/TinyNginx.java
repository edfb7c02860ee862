package dev.weft.bench.process;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * An idle, nearly free target: nginx (Debian package) on a free loopback port answering every
 * request with a fixed 17-byte body, no access log. Started and closed by a bench's main thread.
 */
public final class TinyNginx implements AutoCloseable {
    private final Process process;
    private final int port;

    private TinyNginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts nginx with its files under {@code dir} and waits until it listens. */
    public static TinyNginx start(Path dir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.createDirectories(dir.resolve("logs"));
        Files.createDirectories(dir.resolve("tmp"));
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
                  access_log off;
                  keepalive_requests 10000000;
                  server {
                    listen 127.0.0.1:%2$d;
                    location / { default_type text/plain; return 200 "hello from nginx\\n"; }
                  }
                }
                """.formatted(dir, port));
        String nginx = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
        Process p = new ProcessBuilder(nginx, "-c", conf.toString(), "-p", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("logs/stdout.log").toFile()).start();
        TinyNginx n = new TinyNginx(p, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return n;
            } catch (IOException e) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("nginx exited: see " + dir.resolve("logs"));
                }
                Thread.sleep(50);
            }
        }
        n.close();
        throw new IllegalStateException("nginx did not start listening on port " + port);
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
    }
}
