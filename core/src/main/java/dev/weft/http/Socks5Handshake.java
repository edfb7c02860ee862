package dev.weft.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * The client side of a SOCKS5 CONNECT (RFC 1928) with optional username/password authentication
 * (RFC 1929), run on a freshly connected socket before any HTTP or TLS byte. As Go's transport
 * does for both socks5:// and socks5h://, a host name is sent to the proxy as a name, so the
 * proxy resolves it (k6's {@code hosts} and local DNS are not consulted for the target). Failures
 * the proxy reports are k6's generic TCP error (1200), as k6 classifies Go's SOCKS errors.
 * Stateless; runs on the dialing thread.
 */
final class Socks5Handshake {
    private static final int VERSION = 5;
    private static final int NO_AUTH = 0x00;
    private static final int USER_PASSWORD = 0x02;
    private static final int NO_ACCEPTABLE = 0xFF;
    private static final int AUTH_VERSION = 1;
    private static final int CONNECT = 1;
    private static final int IPV4 = 1;
    private static final int DOMAIN = 3;
    private static final int IPV6 = 4;

    /** RFC 1928's reply codes, in order from 1. */
    private static final String[] REPLIES = {
        "general SOCKS server failure", "connection not allowed by ruleset", "network unreachable",
        "host unreachable", "connection refused", "TTL expired", "command not supported",
        "address type not supported",
    };

    private Socks5Handshake() {
    }

    /** Asks the proxy for a TCP connection to the URL's host and port; returns once it is open. */
    static void open(Socket socket, HttpUrl url, ProxyEnvironment.Proxy proxy) throws IOException {
        String where = "socks connect tcp " + proxy.address() + "->"
                + (url.host().indexOf(':') >= 0 ? "[" + url.host() + "]" : url.host()) + ":" + url.port();
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        Credentials cred = proxy.credentials();
        out.write(cred == null ? new byte[] {VERSION, 1, NO_AUTH}
                : new byte[] {VERSION, 2, NO_AUTH, USER_PASSWORD});
        out.flush();
        byte[] choice = read(in, 2, where);
        if (choice[0] != VERSION) {
            throw fail(where, "unexpected protocol version " + (choice[0] & 0xff));
        }
        int method = choice[1] & 0xff;
        if (method == USER_PASSWORD && cred != null) {
            authenticate(in, out, cred, where);
        } else if (method == NO_ACCEPTABLE) {
            throw fail(where, "no acceptable authentication methods");
        } else if (method != NO_AUTH) {
            throw fail(where, "unsupported authentication method " + method);
        }
        out.write(connectRequest(url.host(), url.port(), where));
        out.flush();
        byte[] head = read(in, 4, where);
        if (head[0] != VERSION) {
            throw fail(where, "unexpected protocol version " + (head[0] & 0xff));
        }
        int reply = head[1] & 0xff;
        if (reply != 0) {
            throw fail(where, reply <= REPLIES.length ? REPLIES[reply - 1] : "unknown reply " + reply);
        }
        int boundLength = switch (head[3]) {
            case IPV4 -> 4;
            case IPV6 -> 16;
            case DOMAIN -> read(in, 1, where)[0] & 0xff;
            default -> throw fail(where, "unknown address type " + (head[3] & 0xff));
        };
        read(in, boundLength + 2, where); // the proxy's bound address and port: not needed
    }

    private static void authenticate(InputStream in, OutputStream out, Credentials cred, String where)
            throws IOException {
        byte[] user = cred.user().getBytes(StandardCharsets.UTF_8);
        byte[] pass = cred.password().getBytes(StandardCharsets.UTF_8);
        if (user.length == 0 || user.length > 255 || pass.length > 255) {
            throw fail(where, "invalid username/password");
        }
        ByteArrayOutputStream msg = new ByteArrayOutputStream(3 + user.length + pass.length);
        msg.write(AUTH_VERSION);
        msg.write(user.length);
        msg.writeBytes(user);
        msg.write(pass.length);
        msg.writeBytes(pass);
        out.write(msg.toByteArray());
        out.flush();
        byte[] status = read(in, 2, where);
        if (status[1] != 0) {
            throw fail(where, "username/password authentication failed");
        }
    }

    private static byte[] connectRequest(String host, int port, String where) throws HttpFailure {
        ByteArrayOutputStream req = new ByteArrayOutputStream(7 + host.length());
        req.write(VERSION);
        req.write(CONNECT);
        req.write(0);
        byte[] ip = ipLiteral(host);
        if (ip != null) {
            req.write(ip.length == 4 ? IPV4 : IPV6);
            req.writeBytes(ip);
        } else {
            byte[] name;
            try {
                // as Go's transport: an internationalised name goes to the proxy in its ASCII (punycode) form
                name = java.net.IDN.toASCII(host, java.net.IDN.ALLOW_UNASSIGNED).getBytes(StandardCharsets.US_ASCII);
            } catch (IllegalArgumentException e) {
                throw fail(where, "invalid host name");
            }
            if (name.length > 255) {
                throw fail(where, "host name too long");
            }
            req.write(DOMAIN);
            req.write(name.length);
            req.writeBytes(name);
        }
        req.write(port >> 8);
        req.write(port & 0xff);
        return req.toByteArray();
    }

    /** The bytes of an IP literal, or null for a name (which must not be looked up here). */
    private static byte[] ipLiteral(String host) {
        if (host.isEmpty() || !Dialer.isIpLiteral(host)) {
            return null;
        }
        try {
            return InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] read(InputStream in, int n, String where) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw fail(where, "unexpected EOF");
        }
        return b;
    }

    private static HttpFailure fail(String where, String reason) {
        return new HttpFailure(HttpErrorCodes.TCP_GENERIC, where + ": " + reason);
    }
}
