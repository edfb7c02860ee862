package dev.weft.cli;

import dev.weft.target.TargetServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/** {@code weft target [port [httpsPort]]}: the built-in httpbin-like target on loopback, until Ctrl-C. */
final class TargetCommand {
    private final GlobalEnv global;

    TargetCommand(GlobalEnv global) {
        this.global = global;
    }

    int run(List<String> args) throws UsageException, InterruptedException {
        int port;
        int httpsPort;
        try {
            port = args.isEmpty() ? 8080 : Integer.parseInt(args.get(0));
            httpsPort = args.size() < 2 ? 8443 : Integer.parseInt(args.get(1));
        } catch (NumberFormatException e) {
            throw new UsageException("weft target [port [httpsPort]]: ports must be numbers");
        }
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (TargetServer server = TargetServer.start(new InetSocketAddress(loopback, port),
                new InetSocketAddress(loopback, httpsPort))) {
            global.stdout().println("weft target listening on " + server.baseUrl() + " and " + server.httpsBaseUrl());
            Thread.currentThread().join();
            return 0;
        } catch (IOException e) {
            global.stderr().println("ERRO[0000] weft target: " + e.getMessage());
            return 1;
        }
    }
}
