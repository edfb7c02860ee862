package dev.weft.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Opens an HTTP CONNECT tunnel through a forward proxy for an https request, on a freshly
 * connected socket (or inside the TLS session with an https:// proxy), before the target's TLS
 * handshake. Stateless; runs on the dialing thread.
 */
final class ProxyTunnel {
    private static final int MAX_HEAD = 16 * 1024;

    private ProxyTunnel() {
    }

    /** Sends CONNECT host:port and reads the proxy's answer; anything but 2xx fails the dial. */
    static void open(Socket socket, HttpUrl url, ProxyEnvironment.Proxy proxy) throws IOException {
        String authority = (url.host().indexOf(':') >= 0 ? "[" + url.host() + "]" : url.host()) + ":" + url.port();
        StringBuilder req = new StringBuilder(128)
                .append("CONNECT ").append(authority).append(" HTTP/1.1\r\n")
                .append("Host: ").append(authority).append("\r\n");
        if (proxy.authorization() != null) {
            req.append("Proxy-Authorization: ").append(proxy.authorization()).append("\r\n");
        }
        req.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        String head = readHead(socket.getInputStream());
        int sp = head.indexOf(' ');
        int eol = head.indexOf("\r\n");
        String status = sp < 0 ? head : head.substring(sp + 1, eol < 0 ? head.length() : eol);
        if (!status.startsWith("200")) {
            // as Go: only 200 opens the tunnel, and the error is the status text (k6: code 1000)
            int space = status.indexOf(' ');
            throw new HttpFailure(HttpErrorCodes.GENERIC,
                    space < 0 ? "unknown status code" : status.substring(space + 1).strip());
        }
    }

    /** Reads byte by byte up to the blank line, so no byte of the TLS stream is consumed. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder(128);
        while (sb.length() < MAX_HEAD) {
            int b = in.read();
            if (b < 0) {
                throw new HttpFailure(HttpErrorCodes.GENERIC, "proxyconnect: proxy closed the connection");
            }
            sb.append((char) b);
            int n = sb.length();
            if (n >= 4 && sb.charAt(n - 4) == '\r' && sb.charAt(n - 3) == '\n' && sb.charAt(n - 2) == '\r'
                    && sb.charAt(n - 1) == '\n') {
                return sb.toString();
            }
        }
        throw new HttpFailure(HttpErrorCodes.GENERIC, "proxyconnect: response head too large");
    }
}
