package dev.weft.js.module.x509;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.naming.InvalidNameException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/** A certificate name's attributes in encoding order, each as {OID, value} (Go's pkix.Name.Names). */
final class DistinguishedName {
    /** RFC 2253's keywords and the extra ones asked for, to their OIDs. */
    private static final Map<String, String> OIDS = Map.ofEntries(
            Map.entry("CN", "2.5.4.3"), Map.entry("C", "2.5.4.6"), Map.entry("L", "2.5.4.7"),
            Map.entry("ST", "2.5.4.8"), Map.entry("STREET", "2.5.4.9"), Map.entry("O", "2.5.4.10"),
            Map.entry("OU", "2.5.4.11"), Map.entry("DC", "0.9.2342.19200300.100.1.25"),
            Map.entry("UID", "0.9.2342.19200300.100.1.1"), Map.entry("SERIALNUMBER", "2.5.4.5"),
            Map.entry("POSTALCODE", "2.5.4.17"), Map.entry("EMAILADDRESS", "1.2.840.113549.1.9.1"));
    private static final Map<String, String> EXTRA = Map.of("2.5.4.5", "SERIALNUMBER", "2.5.4.17", "POSTALCODE",
            "1.2.840.113549.1.9.1", "EMAILADDRESS");

    private DistinguishedName() {
    }

    static List<String[]> rdns(X500Principal principal) {
        List<String[]> out = new ArrayList<>();
        try {
            LdapName name = new LdapName(principal.getName(X500Principal.RFC2253, EXTRA));
            for (Rdn rdn : name.getRdns()) {
                NamingEnumeration<? extends Attribute> attrs = rdn.toAttributes().getAll();
                while (attrs.hasMore()) {
                    Attribute a = attrs.next();
                    String type = a.getID().toUpperCase(java.util.Locale.ROOT);
                    String oid = OIDS.getOrDefault(type, a.getID());
                    out.add(new String[] {oid, text(a.get())});
                }
            }
        } catch (InvalidNameException e) {
            throw new IllegalArgumentException("failed to parse certificate: " + e.getMessage());
        } catch (NamingException e) {
            throw new IllegalArgumentException("failed to parse certificate: " + e.getMessage());
        }
        return out;
    }

    /** A value RFC 2253 gave as #hex (an unknown attribute): its DER string's content. */
    private static String text(Object value) {
        if (value instanceof byte[] der && der.length >= 2) {
            int len = der[1] & 0xff;
            int start = 2;
            if (len >= 0x80) {
                start = 2 + (len & 0x7f);
            }
            return new String(Arrays.copyOfRange(der, Math.min(start, der.length), der.length), StandardCharsets.UTF_8);
        }
        return String.valueOf(value);
    }

    static String first(List<String[]> names, String oid) {
        for (String[] n : names) {
            if (n[0].equals(oid)) {
                return n[1];
            }
        }
        return "";
    }

    static List<String> all(List<String[]> names, String oid) {
        List<String> out = new ArrayList<>();
        for (String[] n : names) {
            if (n[0].equals(oid)) {
                out.add(n[1]);
            }
        }
        return out;
    }

    static JsonArray json(List<String[]> names) {
        JsonArray a = new JsonArray();
        for (String[] n : names) {
            JsonObject o = new JsonObject();
            o.addProperty("type", n[0]);
            o.addProperty("value", n[1]);
            a.add(o);
        }
        return a;
    }
}
