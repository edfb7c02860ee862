package dev.weft.http;

/**
 * Socket-level timestamps of one round trip ({@link System#nanoTime()}), stamped as the request
 * passes each point, and the arithmetic that turns them into k6's phases exactly as k6's tracer
 * does (blocked = waiting for a connection, which includes DNS, connecting and TLS for a new one;
 * sending from connection ready to request written; waiting until the first response byte;
 * receiving until the body is read). Mutable, used by one thread for one round trip.
 */
final class Trace {
    long getConn;
    long connectStart;
    long connectDone;
    long tlsStart;
    long tlsDone;
    long gotConn;
    long wroteRequest;
    long firstByte;

    /** A reused connection: no connecting or TLS time, as in k6. */
    void reusedConnection(long now) {
        gotConn = now;
        connectStart = now;
        connectDone = now;
        if (tlsStart != 0 || tlsDone != 0) {
            tlsStart = now;
            tlsDone = now;
        }
    }

    HttpTimings finish(long done) {
        double blocked = gotConn > getConn && getConn != 0 ? ms(gotConn - getConn) : 0;
        double connecting = connectDone != 0 && connectStart != 0 ? ms(connectDone - connectStart) : 0;
        double tls = tlsDone != 0 && tlsStart != 0 ? ms(tlsDone - tlsStart) : 0;
        double sending = 0;
        double waiting = 0;
        double receiving = 0;
        if (wroteRequest != 0) {
            long ready = tlsDone != 0 ? tlsDone : connectDone != 0 ? connectDone : gotConn;
            sending = ms(Math.max(0, wroteRequest - ready));
            if (firstByte != 0) {
                waiting = firstByte > wroteRequest ? ms(firstByte - wroteRequest) : 0;
            } else {
                waiting = ms(Math.max(0, done - wroteRequest));
            }
        }
        if (firstByte != 0) {
            receiving = ms(Math.max(0, done - firstByte));
        }
        return new HttpTimings(blocked, connecting, tls, sending, waiting, receiving,
                sending + waiting + receiving);
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
