package dev.weft.js.module.x509;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEM certificate as k6's {@code x509.parse} shows it (Go's field choices: first value of each
 * name part, alt names grouped DNS, e-mail, IP, URI, Go's signature algorithm names, a SHA-1
 * fingerprint), as JSON text for the JS half; the public key's numbers go as decimal strings
 * the JS half turns into BigInts. Stateless.
 */
final class CertificateView {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    private CertificateView() {
    }

    /** The certificate in the first PEM block; an IllegalArgumentException with k6's message otherwise. */
    static X509Certificate parse(String pem) {
        Matcher m = PEM.matcher(pem);
        if (!m.find()) {
            throw new IllegalArgumentException("failed to decode certificate PEM file");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("failed to decode certificate PEM file");
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("failed to parse certificate: " + e.getMessage());
        }
    }

    static JsonObject certificate(X509Certificate c) {
        JsonObject o = new JsonObject();
        o.add("subject", subject(c));
        o.add("issuer", issuer(c));
        DateTimeFormatter iso = DateTimeFormatter.ISO_INSTANT;
        o.addProperty("notBefore", iso.format(c.getNotBefore().toInstant().truncatedTo(ChronoUnit.SECONDS)));
        o.addProperty("notAfter", iso.format(c.getNotAfter().toInstant().truncatedTo(ChronoUnit.SECONDS)));
        o.add("altNames", altNames(c));
        o.addProperty("signatureAlgorithm", signatureAlgorithm(c));
        JsonArray fp = new JsonArray();
        for (byte b : sha1(c)) {
            fp.add(b & 0xff);
        }
        o.add("fingerPrint", fp);
        o.add("publicKey", publicKey(c.getPublicKey()));
        return o;
    }

    static JsonObject subject(X509Certificate c) {
        List<String[]> names = DistinguishedName.rdns(c.getSubjectX500Principal());
        JsonObject o = new JsonObject();
        o.addProperty("commonName", DistinguishedName.first(names, "2.5.4.3"));
        o.addProperty("country", DistinguishedName.first(names, "2.5.4.6"));
        o.addProperty("postalCode", DistinguishedName.first(names, "2.5.4.17"));
        o.addProperty("stateOrProvinceName", DistinguishedName.first(names, "2.5.4.8"));
        o.addProperty("localityName", DistinguishedName.first(names, "2.5.4.7"));
        o.addProperty("streetAddress", DistinguishedName.first(names, "2.5.4.9"));
        o.addProperty("organizationName", DistinguishedName.first(names, "2.5.4.10"));
        List<String> units = DistinguishedName.all(names, "2.5.4.11");
        if (units.isEmpty()) {
            o.add("organizationalUnitName", JsonNull.INSTANCE);
        } else {
            JsonArray a = new JsonArray();
            units.forEach(a::add);
            o.add("organizationalUnitName", a);
        }
        o.add("names", DistinguishedName.json(names));
        return o;
    }

    static JsonObject issuer(X509Certificate c) {
        List<String[]> names = DistinguishedName.rdns(c.getIssuerX500Principal());
        JsonObject o = new JsonObject();
        o.addProperty("commonName", DistinguishedName.first(names, "2.5.4.3"));
        o.addProperty("country", DistinguishedName.first(names, "2.5.4.6"));
        o.addProperty("stateOrProvinceName", DistinguishedName.first(names, "2.5.4.8"));
        o.addProperty("localityName", DistinguishedName.first(names, "2.5.4.7"));
        o.addProperty("organizationName", DistinguishedName.first(names, "2.5.4.10"));
        o.add("names", DistinguishedName.json(names));
        return o;
    }

    /** DNS names, then e-mail addresses, then IPs, then URIs, as Go lists them. */
    static JsonArray altNames(X509Certificate c) {
        Collection<List<?>> all;
        try {
            all = c.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            all = null;
        }
        JsonArray out = new JsonArray();
        for (int type : new int[] {2, 1, 7, 6}) {
            if (all != null) {
                for (List<?> name : all) {
                    if (((Integer) name.get(0)) == type && name.get(1) instanceof String s) {
                        out.add(s);
                    }
                }
            }
        }
        return out;
    }

    private static final Map<String, String> GO_SIGNATURES = Map.ofEntries(
            Map.entry("SHA1WITHRSA", "SHA1-RSA"), Map.entry("SHA256WITHRSA", "SHA256-RSA"),
            Map.entry("SHA384WITHRSA", "SHA384-RSA"), Map.entry("SHA512WITHRSA", "SHA512-RSA"),
            Map.entry("MD5WITHRSA", "MD5-RSA"), Map.entry("MD2WITHRSA", "MD2-RSA"),
            Map.entry("SHA1WITHECDSA", "ECDSA-SHA1"), Map.entry("SHA256WITHECDSA", "ECDSA-SHA256"),
            Map.entry("SHA384WITHECDSA", "ECDSA-SHA384"), Map.entry("SHA512WITHECDSA", "ECDSA-SHA512"),
            Map.entry("SHA1WITHDSA", "DSA-SHA1"), Map.entry("SHA256WITHDSA", "DSA-SHA256"),
            Map.entry("ED25519", "Ed25519"));

    private static String signatureAlgorithm(X509Certificate c) {
        String name = c.getSigAlgName().toUpperCase(java.util.Locale.ROOT);
        if (name.equals("RSASSA-PSS")) {
            return pssName(c);
        }
        return GO_SIGNATURES.getOrDefault(name, "UnknownSignatureAlgorithm");
    }

    private static String pssName(X509Certificate c) {
        byte[] params = c.getSigAlgParams();
        String text = params == null ? "" : java.util.HexFormat.of().formatHex(params);
        // the hash OID inside the PSS parameters: 2.16.840.1.101.3.4.2.{1,2,3}
        if (text.contains("608648016503040202")) {
            return "SHA384-RSAPSS";
        }
        if (text.contains("608648016503040203")) {
            return "SHA512-RSAPSS";
        }
        return "SHA256-RSAPSS";
    }

    private static byte[] sha1(X509Certificate c) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(c.getEncoded());
        } catch (NoSuchAlgorithmException | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject publicKey(PublicKey key) {
        JsonObject o = new JsonObject();
        JsonObject k = new JsonObject();
        if (key instanceof RSAPublicKey rsa) {
            o.addProperty("algorithm", "RSA");
            k.addProperty("n", rsa.getModulus().toString());
            k.addProperty("e", rsa.getPublicExponent());
        } else if (key instanceof ECPublicKey ec) {
            o.addProperty("algorithm", "ECDSA");
            k.addProperty("x", ec.getW().getAffineX().toString());
            k.addProperty("y", ec.getW().getAffineY().toString());
        } else if (key instanceof DSAPublicKey dsa) {
            o.addProperty("algorithm", "DSA");
            k.addProperty("y", dsa.getY().toString());
        } else {
            throw new IllegalArgumentException("unsupported public key algorithm");
        }
        o.add("key", k);
        return o;
    }

}
