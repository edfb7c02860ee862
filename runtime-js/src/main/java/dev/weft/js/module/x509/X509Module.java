package dev.weft.js.module.x509;

import dev.weft.js.module.HostObject;
import dev.weft.js.module.JsModule;
import dev.weft.js.module.VuScope;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Function;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * The {@code k6/crypto/x509} module: {@code parse}, {@code getAltNames}, {@code getIssuer},
 * {@code getSubject} of a PEM certificate. Each host call answers {@code [true, json]} or
 * {@code [false, message]}; the JS half (x509.js) throws k6's error for the latter and makes
 * the public key's numbers BigInts. One instance per test, stateless; runs on the VU's thread.
 */
public final class X509Module implements JsModule {
    @Override
    public String name() {
        return "k6/crypto/x509";
    }

    @Override
    public List<String> exportNames() {
        return List.of("parse", "getAltNames", "getIssuer", "getSubject");
    }

    @Override
    public Object instance(VuScope vu) {
        HostObject host = new HostObject()
                .fn("parse", view(c -> CertificateView.certificate(c).toString()))
                .fn("getAltNames", view(c -> CertificateView.altNames(c).toString()))
                .fn("getIssuer", view(c -> CertificateView.issuer(c).toString()))
                .fn("getSubject", view(c -> CertificateView.subject(c).toString()));
        return vu.scripts().instantiate(vu, "x509.js", host.build());
    }

    private static ProxyExecutable view(Function<X509Certificate, String> shape) {
        return args -> {
            try {
                String pem = args.length == 0 || args[0].isNull() ? "" : args[0].isString() ? args[0].asString()
                        : args[0].toString();
                return ProxyArray.fromArray(true, shape.apply(CertificateView.parse(pem)));
            } catch (IllegalArgumentException e) {
                return ProxyArray.fromArray(false, e.getMessage());
            }
        };
    }
}
