package dev.weft.threshold;

/** A threshold comparison; {@code ==} and {@code ===} mean the same, as in k6. */
public enum Operator {
    // Order matters: the parser tries them in this order, longest-match first where it counts.
    LESS_EQUAL("<="), LESS("<"), GREATER_EQUAL(">="), GREATER(">"), STRICT_EQUAL("==="), EQUAL("=="),
    NOT_EQUAL("!=");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether {@code lhs <op> rhs} holds. */
    public boolean test(double lhs, double rhs) {
        return switch (this) {
            case LESS_EQUAL -> lhs <= rhs;
            case LESS -> lhs < rhs;
            case GREATER_EQUAL -> lhs >= rhs;
            case GREATER -> lhs > rhs;
            case STRICT_EQUAL, EQUAL -> lhs == rhs;
            case NOT_EQUAL -> lhs != rhs;
        };
    }
}
