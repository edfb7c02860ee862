package dev.weft.summary;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Formats summary values the way k6's text summary does: percentages for rates, kB/MB for
 * data, µs/ms/s/m/h for times, up to six decimals otherwise. Stateless.
 */
public final class Humanize {
    private static final String[] BYTE_UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};

    private Humanize() {
    }

    /**
     * @param type     k6 metric type name ({@code rate} formats as a percentage)
     * @param contains k6 value type name ({@code data}, {@code time} or {@code default})
     * @param timeUnit "" for automatic, or {@code s}, {@code ms}, {@code us}
     */
    public static String value(double v, String type, String contains, String timeUnit) {
        if ("rate".equals(type)) {
            return toFixed(trunc(v * 100 * 100) / 100, 2) + "%";
        }
        return switch (contains) {
            case "data" -> bytes(v);
            case "time" -> duration(v, timeUnit);
            default -> toFixedNoTrailingZeros(v, 6);
        };
    }

    /** Bytes in powers of 1000 with one decimal under 10: {@code 5 B}, {@code 1.5 kB}, {@code 12 MB}. */
    public static String bytes(double bytes) {
        if (bytes < 10) {
            return jsNumber(bytes) + " B";
        }
        int e = (int) Math.floor(Math.log(bytes) / Math.log(1000));
        e = Math.min(e, BYTE_UNITS.length - 1);
        double val = Math.floor(bytes / Math.pow(1000, e) * 10 + 0.5) / 10;
        return toFixed(val, val < 10 ? 1 : 0) + " " + BYTE_UNITS[e];
    }

    /** Milliseconds as k6 shows them, with a fixed unit when {@code timeUnit} is set. */
    public static String duration(double ms, String timeUnit) {
        switch (timeUnit == null ? "" : timeUnit) {
            case "s":
                return toFixed(ms * 0.001, 2) + "s";
            case "ms":
                return toFixed(ms, 2) + "ms";
            case "us":
                return toFixed(ms * 1000, 2) + "µs";
            default:
                return genericDuration(ms);
        }
    }

    private static String genericDuration(double dur) {
        if (dur == 0) {
            return "0s";
        }
        if (dur < 0.001) {
            return jsNumber(trunc(dur * 1_000_000)) + "ns";
        }
        if (dur < 1) {
            return truncNoTrailingZeros(dur * 1000, 2) + "µs";
        }
        if (dur < 1000) {
            return truncNoTrailingZeros(dur, 2) + "ms";
        }
        String result = truncNoTrailingZeros((dur % 60000) / 1000, dur > 60000 ? 0 : 2) + "s";
        long rem = (long) trunc(dur / 60000);
        if (rem < 1) {
            return result;
        }
        result = (rem % 60) + "m" + result;
        rem = rem / 60;
        if (rem < 1) {
            return result;
        }
        return rem + "h" + result;
    }

    private static double trunc(double v) {
        return v < 0 ? Math.ceil(v) : Math.floor(v);
    }

    private static String truncNoTrailingZeros(double v, int prec) {
        double mult = Math.pow(10, prec);
        return toFixedNoTrailingZeros(trunc(mult * v) / mult, prec);
    }

    /** JS {@code Number.prototype.toFixed}: exact binary value rounded half away from zero. */
    static String toFixed(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.isNaN(v) ? "NaN" : (v > 0 ? "Infinity" : "-Infinity");
        }
        String s = new BigDecimal(v).setScale(digits, RoundingMode.HALF_UP).toPlainString();
        return s.startsWith("-") && new BigDecimal(s).signum() == 0 ? s.substring(1) : s;
    }

    /** JS {@code parseFloat(v.toFixed(digits)).toString()}. */
    static String toFixedNoTrailingZeros(double v, int digits) {
        return jsNumber(Double.parseDouble(toFixed(v, digits)));
    }

    /** A number as JS prints it, for the values the summary meets: no ".0", no exponent. */
    static String jsNumber(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return toFixed(v, 0);
        }
        if (v == 0) {
            return "0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e21) {
            return new BigDecimal(v).toPlainString();
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
