package org.vigil.knowledge.risk;

import java.math.BigDecimal;

/**
 * A band of values in interval notation: {@code [22,)} is 22 or more, {@code (,100]} is 100 or
 * less, {@code (20,24]} is above 20 up to 24. Integer chart bands ("21-24") are written so that
 * they meet without gaps: a respiratory rate of 20.5 falls in {@code (20,24]}.
 *
 * @param low lower bound, or null when unbounded
 * @param high upper bound, or null when unbounded
 */
public record ScoreRange(BigDecimal low, boolean lowInclusive, BigDecimal high, boolean highInclusive) {

    /** Parses {@code [a,b]}, {@code (a,b)}, either side open by leaving it blank. */
    public static ScoreRange parse(String text) {
        String value = text.strip();
        if (value.length() < 3) {
            throw new IllegalArgumentException("not an interval such as [22,) or (,100]: '" + text + "'");
        }
        char open = value.charAt(0);
        char close = value.charAt(value.length() - 1);
        if ((open != '[' && open != '(') || (close != ']' && close != ')')) {
            throw new IllegalArgumentException("not an interval such as [22,) or (,100]: '" + text + "'");
        }
        String[] parts = value.substring(1, value.length() - 1).split(",", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("an interval has exactly one comma: '" + text + "'");
        }
        BigDecimal low = bound(parts[0], text);
        BigDecimal high = bound(parts[1], text);
        if (low == null && high == null) {
            throw new IllegalArgumentException("an interval needs at least one bound: '" + text + "'");
        }
        if (low == null && open == '[' || high == null && close == ']') {
            throw new IllegalArgumentException("an open side is written with ( or ): '" + text + "'");
        }
        if (low != null && high != null) {
            int order = low.compareTo(high);
            if (order > 0 || order == 0 && !(open == '[' && close == ']')) {
                throw new IllegalArgumentException("empty interval: '" + text + "'");
            }
        }
        return new ScoreRange(low, open == '[', high, close == ']');
    }

    private static BigDecimal bound(String part, String text) {
        String bound = part.strip();
        if (bound.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(bound);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bound is not a number in '" + text + "'");
        }
    }

    public boolean contains(double value) {
        if (!Double.isFinite(value)) {
            return false;
        }
        if (low != null) {
            double l = low.doubleValue();
            if (lowInclusive ? value < l : value <= l) {
                return false;
            }
        }
        if (high != null) {
            double h = high.doubleValue();
            return highInclusive ? value <= h : value < h;
        }
        return true;
    }

    /** Whether some value lies in both ranges. */
    public boolean overlaps(ScoreRange other) {
        return !endsBefore(this, other) && !endsBefore(other, this);
    }

    /** Whether {@code a} lies wholly below {@code b}. */
    private static boolean endsBefore(ScoreRange a, ScoreRange b) {
        if (a.high == null || b.low == null) {
            return false;
        }
        int order = a.high.compareTo(b.low);
        return order < 0 || order == 0 && !(a.highInclusive && b.lowInclusive);
    }

    /** As a clinician reads it: {@code 22 or more}, {@code 100 or less}, {@code above 20 to 24}. */
    public String describe() {
        if (low == null) {
            return (highInclusive ? "" : "below ") + plain(high) + (highInclusive ? " or less" : "");
        }
        if (high == null) {
            return (lowInclusive ? "" : "above ") + plain(low) + (lowInclusive ? " or more" : "");
        }
        if (low.compareTo(high) == 0) {
            return plain(low);
        }
        return (lowInclusive ? "" : "above ") + plain(low) + " to " + (highInclusive ? "" : "below ") + plain(high);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return (lowInclusive ? "[" : "(") + (low == null ? "" : plain(low)) + "," + (high == null ? "" : plain(high))
                + (highInclusive ? "]" : ")");
    }
}
