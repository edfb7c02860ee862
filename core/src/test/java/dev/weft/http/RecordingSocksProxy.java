package dev.weft.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A SOCKS5 server on loopback for tests (RFC 1928 CONNECT only, with RFC 1929 username/password
 * when built with credentials): records each CONNECT's destination as the client sent it and
 * pipes the connection to that port on loopback, whatever host was asked for, so test names
 * need no DNS. Wrong credentials get RFC 1929's failure status and a closed connection.
 */
final class RecordingSocksProxy implements AutoCloseable {
    /**
     * One CONNECT as received.
     *
     * @param addressType "ipv4", "ipv6" or "name" (a name means the proxy was left to resolve it)
     */
    record Destination(String addressType, String host, int port) {
    }

    private final ServerSocket server;
    private final String user;
    private final String password;
    private final List<Destination> destinations = new CopyOnWriteArrayList<>();
    private final List<String> logins = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    /** A proxy that asks for no authentication. */
    RecordingSocksProxy() throws IOException {
        this(null, null);
    }

    /** A proxy that accepts only this user name and password. */
    RecordingSocksProxy(String user, String password) throws IOException {
        this.user = user;
        this.password = password;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    List<Destination> destinations() {
        return List.copyOf(destinations);
    }

    /** "user:password" of each username/password authentication attempt. */
    List<String> logins() {
        return List.copyOf(logins);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            if (!negotiate(in, out)) {
                return;
            }
            byte[] head = in.readNBytes(4);
            if (head.length < 4 || head[0] != 5) {
                return;
            }
            Destination d = destination(in, head[3]);
            if (head[1] != 1 || d == null) {
                out.write(new byte[] {5, 7, 0, 1, 0, 0, 0, 0, 0, 0});
                return;
            }
            destinations.add(d);
            Socket upstream;
            try {
                upstream = new Socket(InetAddress.getLoopbackAddress(), d.port());
            } catch (IOException e) {
                out.write(new byte[] {5, 5, 0, 1, 0, 0, 0, 0, 0, 0});
                return;
            }
            sockets.add(upstream);
            out.write(new byte[] {5, 0, 0, 1, 127, 0, 0, 1, 0, 0});
            out.flush();
            Thread.ofVirtual().start(() -> pipe(upstream, client));
            pipe(client, upstream);
        } catch (IOException | RuntimeException e) {
            // the client went away: nothing to record
        }
    }

    /** The method choice and, when this proxy has credentials, their check; false to hang up. */
    private boolean negotiate(InputStream in, OutputStream out) throws IOException {
        byte[] greeting = in.readNBytes(2);
        if (greeting.length < 2 || greeting[0] != 5) {
            return false;
        }
        byte[] methods = in.readNBytes(greeting[1] & 0xff);
        int wanted = user == null ? 0 : 2;
        boolean offered = false;
        for (byte m : methods) {
            offered |= m == wanted;
        }
        if (!offered) {
            out.write(new byte[] {5, (byte) 0xFF});
            return false;
        }
        out.write(new byte[] {5, (byte) wanted});
        out.flush();
        if (user == null) {
            return true;
        }
        byte[] version = in.readNBytes(2);
        String u = new String(in.readNBytes(version[1] & 0xff), StandardCharsets.UTF_8);
        String p = new String(in.readNBytes(in.read()), StandardCharsets.UTF_8);
        logins.add(u + ":" + p);
        boolean ok = u.equals(user) && p.equals(password);
        out.write(new byte[] {1, (byte) (ok ? 0 : 1)});
        out.flush();
        return ok;
    }

    private static Destination destination(InputStream in, byte type) throws IOException {
        String kind;
        String host;
        switch (type) {
            case 1 -> {
                kind = "ipv4";
                host = InetAddress.getByAddress(in.readNBytes(4)).getHostAddress();
            }
            case 4 -> {
                kind = "ipv6";
                host = InetAddress.getByAddress(in.readNBytes(16)).getHostAddress();
            }
            case 3 -> {
                kind = "name";
                host = new String(in.readNBytes(in.read()), StandardCharsets.US_ASCII);
            }
            default -> {
                return null;
            }
        }
        byte[] port = in.readNBytes(2);
        return new Destination(kind, host, ((port[0] & 0xff) << 8) | (port[1] & 0xff));
    }

    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // either side closed
        } finally {
            try {
                to.close();
                from.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
