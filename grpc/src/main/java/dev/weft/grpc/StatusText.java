package dev.weft.grpc;

import io.grpc.Status;

/** A status's message as grpc-go words the failures the client makes itself (k6 shows Go's words). */
final class StatusText {
    private StatusText() {
    }

    static String message(Status s) {
        String d = s.getDescription() == null ? "" : s.getDescription();
        if (s.getCode() == Status.Code.DEADLINE_EXCEEDED && s.getCause() == null
                && (d.startsWith("deadline exceeded") || d.startsWith("ClientCall started after"))) {
            return "context deadline exceeded";
        }
        if (s.getCode() == Status.Code.CANCELLED && d.equals("canceled by client (k6)")) {
            return "context canceled";
        }
        return d;
    }

    /** grpc-go's name of a code: Unimplemented, DeadlineExceeded, OK. */
    static String goName(Status.Code code) {
        if (code == Status.Code.OK) {
            return "OK";
        }
        if (code == Status.Code.CANCELLED) {
            return "Canceled";
        }
        StringBuilder b = new StringBuilder();
        for (String part : code.name().split("_")) {
            b.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return b.toString();
    }

    /** The call's deadline had passed before it started, so nothing went on the wire. */
    static boolean neverSent(Status s) {
        return s.getCode() == Status.Code.DEADLINE_EXCEEDED && s.getDescription() != null
                && s.getDescription().startsWith("ClientCall started after");
    }
}
