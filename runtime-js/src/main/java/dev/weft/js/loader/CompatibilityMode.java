package dev.weft.js.loader;

import java.util.Locale;

/**
 * k6's {@code --compatibility-mode}. GraalJS runs ES2022+ natively, so neither mode transpiles;
 * as in k6 (Sobek), {@code extended} also makes {@code global} an alias of {@code globalThis}.
 * {@code experimental_enhanced} (k6 0.52-0.56, esbuild) is accepted and behaves as extended:
 * TypeScript is stripped in every mode. Parsed once by the CLI.
 */
public enum CompatibilityMode {
    EXTENDED, BASE, EXPERIMENTAL_ENHANCED;

    /** k6's name of the mode. */
    public String k6Name() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses k6's mode names; null or blank means extended. */
    public static CompatibilityMode parse(String text) {
        if (text == null || text.isBlank()) {
            return EXTENDED;
        }
        for (CompatibilityMode m : values()) {
            if (m.k6Name().equals(text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("invalid compatibility mode \"" + text
                + "\". Use: \"extended\", \"base\" (or \"experimental_enhanced\")");
    }

    /** True when scripts get {@code global} as an alias of {@code globalThis}. */
    public boolean aliasesGlobal() {
        return this != BASE;
    }
}
