package dev.weft.target;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes {@link TargetResponse}s to one connection's buffered output. Used only by that
 * connection's virtual thread; the caller flushes.
 */
final class ResponseWriter {
    private final OutputStream out;
    private final StringBuilder head = new StringBuilder(256);

    ResponseWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes the response; a HEAD request gets the headers of the GET response and no body. */
    void write(TargetResponse r, boolean head, boolean close) throws IOException {
        int status = r.status();
        boolean bodiless = status == 204 || status == 304 || status < 200;
        StringBuilder h = this.head;
        h.setLength(0);
        h.append("HTTP/1.1 ").append(status).append(' ').append(StatusText.of(status)).append("\r\n");
        h.append("Server: weft-target\r\n");
        for (Map.Entry<String, String> e : r.headers()) {
            h.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
        }
        if (!bodiless) {
            switch (r.framing()) {
                case LENGTH -> h.append("Content-Length: ").append(r.body().length).append("\r\n");
                case CHUNKED -> h.append("Transfer-Encoding: chunked\r\n");
                case CLOSE -> { }
            }
        }
        if (close) {
            h.append("Connection: close\r\n");
        }
        h.append("\r\n");
        out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (bodiless || head) {
            return;
        }
        if (r.framing() == TargetResponse.Framing.CHUNKED) {
            writeChunked(r.body(), Math.max(1, r.chunkSize()));
        } else {
            out.write(r.body());
        }
    }

    private void writeChunked(byte[] body, int chunkSize) throws IOException {
        for (int off = 0; off < body.length; off += chunkSize) {
            int n = Math.min(chunkSize, body.length - off);
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, off, n);
            out.write('\r');
            out.write('\n');
            out.flush(); // each chunk leaves separately so clients really see a chunked stream
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
}
