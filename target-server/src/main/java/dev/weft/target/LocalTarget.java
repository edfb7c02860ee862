package dev.weft.target;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the real local target server, started once for the whole test run (its TLS
 * certificate takes a moment) and closed when JUnit closes the root context. Used with
 * {@code @ExtendWith(LocalTarget.class)} by the HTTP tests of core and runtime-js; JUnit is a
 * provided dependency here, so nothing of it reaches Weft's runtime class path.
 */
public final class LocalTarget implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LocalTarget.class);

    /** Owns the server; JUnit closes it after the last test. */
    record Handle(TargetServer server) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == TargetServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        return c.getRoot().getStore(NS).getOrComputeIfAbsent("server", k -> {
            try {
                return new Handle(TargetServer.startOnLoopback());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Handle.class).server();
    }
}
