package dev.weft.cloud.analysis;

/** Number formatting shared by the analysis answers. Stateless. */
final class Json {
    private Json() {
    }

    /** A double as JSON can carry it: rounded to 6 decimals; NaN and infinities as null. */
    static Double num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return null;
        }
        return Math.abs(v) >= 1e9 ? v : Math.round(v * 1e6) / 1e6;
    }
}
