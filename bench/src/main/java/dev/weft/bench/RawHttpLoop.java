package dev.weft.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The floor under any blocking HTTP/1.1 client on virtual threads: one keep-alive socket, a fixed
 * GET written with one call, the response read until its headers end and Content-Length bytes
 * more (no other framing, no header objects, no metrics). Reconnects when the server closes.
 * Used by one virtual thread.
 */
final class RawHttpLoop implements VirtualThreadLoops.Loop {
    private static final byte[] END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LENGTH = "\r\ncontent-length:".getBytes(StandardCharsets.US_ASCII);

    private final InetSocketAddress address;
    private final byte[] request;
    private final byte[] buffer = new byte[64 * 1024];
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawHttpLoop(String host, int port, String path) {
        this.address = new InetSocketAddress(host, port);
        this.request = ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nUser-Agent: raw-loop\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public VirtualThreadLoops.Request request() {
        return this::exchange;
    }

    private void exchange() throws IOException {
        try {
            exchangeOnce();
        } catch (IOException e) {
            reset(); // the server closed the keep-alive connection (nginx does after 1000 requests)
            throw e;
        }
    }

    private void exchangeOnce() throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(address);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }
        out.write(request);
        int have = 0;
        int headerEnd = -1;
        while (headerEnd < 0) {
            int n = in.read(buffer, have, buffer.length - have);
            if (n < 0) {
                throw new IOException("connection closed");
            }
            have += n;
            headerEnd = indexOf(buffer, have, END);
        }
        if (buffer[9] != '2' || buffer[10] != '0' || buffer[11] != '0') {
            throw new IOException("status " + new String(buffer, 9, 3, StandardCharsets.US_ASCII));
        }
        int bodyStart = headerEnd + END.length;
        int total = bodyStart + contentLength(headerEnd);
        while (have < total) {
            int n = in.read(buffer, have, Math.min(buffer.length - have, total - have));
            if (n < 0) {
                throw new IOException("connection closed");
            }
            have += n;
        }
    }

    private int contentLength(int headerEnd) throws IOException {
        String head = new String(buffer, 0, headerEnd, StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT);
        int at = head.indexOf(new String(LENGTH, StandardCharsets.US_ASCII));
        if (at < 0) {
            throw new IOException("no Content-Length");
        }
        int from = at + LENGTH.length;
        int to = head.indexOf('\r', from);
        return Integer.parseInt(head.substring(from, to < 0 ? head.length() : to).strip());
    }

    private static int indexOf(byte[] data, int length, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void reset() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }

    @Override
    public void close() throws IOException {
        reset();
    }
}
