package dev.weft.target;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import javax.net.ssl.SSLException;

/**
 * Serves one accepted connection: reads requests and writes responses until either side closes.
 * Runs on its own virtual thread; nothing in it is shared.
 */
final class ServerConnection implements Runnable {
    private final Socket socket;
    private final Routes routes;
    private final boolean tls;
    private final Runnable onClose;
    private final long id;

    ServerConnection(Socket socket, Routes routes, boolean tls, long id, Runnable onClose) {
        this.id = id;
        this.socket = socket;
        this.routes = routes;
        this.tls = tls;
        this.onClose = onClose;
    }

    @Override
    public void run() {
        try (socket) {
            socket.setTcpNoDelay(true);
            RequestReader reader = new RequestReader(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            ResponseWriter writer = new ResponseWriter(out);
            String remote = socket.getRemoteSocketAddress().toString();
            while (true) {
                TargetRequest req;
                try {
                    req = reader.read(tls, remote, id, out);
                } catch (RequestReader.BadRequestException e) {
                    writer.write(TargetResponse.text(400, e.getMessage()), false, true);
                    out.flush();
                    return;
                }
                if (req == null) {
                    return;
                }
                TargetResponse res = handle(req);
                boolean close = res.close() || !req.keepAlive();
                writer.write(res, req.method().equals("HEAD"), close);
                out.flush();
                if (close) {
                    return;
                }
            }
        } catch (SocketException | SSLException e) {
            // the client went away or failed its handshake: nothing to answer
        } catch (IOException e) {
            // a broken exchange on one connection never stops the server
        } finally {
            onClose.run();
        }
    }

    private TargetResponse handle(TargetRequest req) {
        try {
            return routes.handle(req);
        } catch (RuntimeException e) {
            return TargetResponse.text(500, String.valueOf(e));
        }
    }
}
