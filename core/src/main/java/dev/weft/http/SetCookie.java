package dev.weft.http;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * One cookie as a server (Set-Cookie) or a script ({@code jar.set}) offers it, before the jar
 * applies RFC 6265's rules. Immutable. The JS module also uses {@link #parse} to build
 * {@code response.cookies}.
 *
 * @param domain     the Domain attribute without a leading dot, or "" when absent
 * @param path       the Path attribute, or "" when absent
 * @param expires    the Expires attribute, or null
 * @param maxAge     the Max-Age attribute in seconds, or null when absent (it wins over expires)
 */
public record SetCookie(String name, String value, String domain, String path, Instant expires, Long maxAge,
                        boolean secure, boolean httpOnly, String sameSite) {

    /** Parses a Set-Cookie header value; null when it has no name=value pair. */
    public static SetCookie parse(String header) {
        String[] parts = header.split(";");
        String pair = parts[0];
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            return null;
        }
        String name = pair.substring(0, eq).strip();
        if (name.isEmpty()) {
            return null;
        }
        String value = unquote(pair.substring(eq + 1).strip());
        String domain = "";
        String path = "";
        Instant expires = null;
        Long maxAge = null;
        boolean secure = false;
        boolean httpOnly = false;
        String sameSite = "";
        for (int i = 1; i < parts.length; i++) {
            String attr = parts[i].strip();
            int aeq = attr.indexOf('=');
            String key = (aeq < 0 ? attr : attr.substring(0, aeq)).strip().toLowerCase(Locale.ROOT);
            String v = aeq < 0 ? "" : attr.substring(aeq + 1).strip();
            switch (key) {
                case "domain" -> domain = v.startsWith(".") ? v.substring(1).toLowerCase(Locale.ROOT)
                        : v.toLowerCase(Locale.ROOT);
                case "path" -> path = v;
                case "expires" -> expires = parseDate(v);
                case "max-age" -> maxAge = parseMaxAge(v, maxAge);
                case "secure" -> secure = true;
                case "httponly" -> httpOnly = true;
                case "samesite" -> sameSite = v;
                default -> { }
            }
        }
        return new SetCookie(name, value, domain, path, expires, maxAge, secure, httpOnly, sameSite);
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    private static Long parseMaxAge(String v, Long previous) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return previous;
        }
    }

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};

    /** RFC 6265 section 5.1.1's lenient cookie date; null when it cannot be read. */
    static Instant parseDate(String text) {
        int hour = -1;
        int minute = 0;
        int second = 0;
        int day = -1;
        int month = -1;
        int year = -1;
        for (String token : text.split("[^A-Za-z0-9:]+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (hour < 0 && token.indexOf(':') > 0) {
                String[] hms = token.split(":");
                if (hms.length == 3) {
                    try {
                        hour = Integer.parseInt(hms[0]);
                        minute = Integer.parseInt(hms[1]);
                        second = Integer.parseInt(hms[2]);
                        continue;
                    } catch (NumberFormatException e) {
                        hour = -1;
                    }
                }
            }
            if (month < 0 && token.length() >= 3 && Character.isLetter(token.charAt(0))) {
                String m = token.substring(0, 3).toLowerCase(Locale.ROOT);
                for (int i = 0; i < 12; i++) {
                    if (MONTHS[i].equals(m)) {
                        month = i + 1;
                    }
                }
                if (month > 0) {
                    continue;
                }
            }
            if (token.chars().allMatch(Character::isDigit)) {
                int n = Integer.parseInt(token.length() > 4 ? token.substring(0, 4) : token);
                if (day < 0 && token.length() <= 2) {
                    day = n;
                } else if (year < 0 && token.length() >= 2) {
                    year = n;
                }
            }
        }
        if (year >= 0 && year <= 69) {
            year += 2000;
        } else if (year >= 70 && year <= 99) {
            year += 1900;
        }
        if (hour < 0 || day < 1 || day > 31 || month < 0 || year < 1601 || hour > 23 || minute > 59
                || second > 59) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
