package dev.weft.http;

import java.util.Locale;

/** TLS protocol versions with k6's names ("tls1.2") and the JDK's ("TLSv1.2"). */
public enum TlsVersion {
    TLS1_0("tls1.0", "TLSv1"),
    TLS1_1("tls1.1", "TLSv1.1"),
    TLS1_2("tls1.2", "TLSv1.2"),
    TLS1_3("tls1.3", "TLSv1.3");

    private final String k6Name;
    private final String jdkName;

    TlsVersion(String k6Name, String jdkName) {
        this.k6Name = k6Name;
        this.jdkName = jdkName;
    }

    public String k6Name() {
        return k6Name;
    }

    public String jdkName() {
        return jdkName;
    }

    /** Parses k6's option value, e.g. "tls1.2". */
    public static TlsVersion fromK6(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (TlsVersion v : values()) {
            if (v.k6Name.equals(n)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown TLS version: " + name);
    }

    /** k6's name for a JDK protocol name such as "TLSv1.3", or "" when unknown. */
    static String k6NameOfJdk(String jdk) {
        for (TlsVersion v : values()) {
            if (v.jdkName.equals(jdk)) {
                return v.k6Name;
            }
        }
        return "";
    }
}
