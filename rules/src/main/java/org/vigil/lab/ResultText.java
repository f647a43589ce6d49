package org.vigil.lab;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * How results read in a finding (values, units, dates), and whether a result is recent enough to
 * count. Shared by the checks that compare results with a limit (drug-lab, renal).
 */
public final class ResultText {

    private ResultText() {}

    /**
     * Whether a result is recent enough to count: dated no earlier than {@code window} before the
     * patient's today. An undated result, or a patient without a today, cannot be judged recent.
     */
    public static boolean within(ResultOnRecord result, LocalDate asOf, Period window) {
        if (result == null || result.effective() == null || asOf == null || window == null) {
            return false;
        }
        Instant cutoff = asOf.minus(window).atStartOfDay(ZoneOffset.UTC).toInstant();
        return !result.effective().isBefore(cutoff);
    }

    /** {@code 4.5}, {@code 25}, {@code 1.7}: at most two decimals, no trailing zeros. */
    public static String number(double value) {
        return number(value, 0);
    }

    /**
     * At most two decimals, but at least {@code minScale} (capped at two): a potassium of 3 reads
     * {@code 3.0} next to a limit of {@code 3.5}.
     */
    public static String number(double value, int minScale) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        BigDecimal rounded =
                BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        int scale = Math.min(Math.max(minScale, 0), 2);
        if (rounded.scale() < scale) {
            rounded = rounded.setScale(scale);
        }
        return rounded.toPlainString();
    }

    /** A UCUM unit as a clinician reads it; unity annotations ({@code {INR}}) disappear. */
    public static String unit(String ucum) {
        if (ucum == null) {
            return "";
        }
        return switch (ucum) {
            case "{INR}", "1" -> "";
            case "mL/min/{1.73_m2}" -> "mL/min/1.73 m2";
            case "10*9/L" -> "x10^9/L";
            case "10*3/uL" -> "x10^3/uL";
            default -> ucum;
        };
    }

    /** {@code 4.5} or {@code 25 mL/min/1.73 m2}. */
    public static String quantity(double value, String ucum) {
        return quantity(value, 0, ucum);
    }

    /** A value with at least {@code minScale} decimals, and its unit. */
    public static String quantity(double value, int minScale, String ucum) {
        String unit = unit(ucum);
        String number = number(value, minScale);
        return unit.isEmpty() ? number : number + " " + unit;
    }

    /** The result's date (UTC), or "undated". */
    public static String date(Instant instant) {
        return instant == null
                ? "undated"
                : LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    /** {@code 25 mL/min/1.73 m2 on 2026-11-20}. */
    public static String valueAndDate(LabResult result) {
        return valueAndDate(result, 0);
    }

    /** The value with at least {@code minScale} decimals, its unit and its date. */
    public static String valueAndDate(LabResult result, int minScale) {
        return quantity(result.value(), minScale, result.unit()) + " on " + date(result.effective());
    }

    /** {@code previous 32 mL/min/1.73 m2 on 2026-10-02, falling}, or null when there is no previous result. */
    public static String trend(LabResult result) {
        return trend(result, 0);
    }

    /** The trend, values with at least {@code minScale} decimals. */
    public static String trend(LabResult result, int minScale) {
        if (!result.hasPrevious()) {
            return null;
        }
        String direction = result.value() > result.previousValue()
                ? "rising"
                : result.value() < result.previousValue() ? "falling" : "unchanged";
        return "previous " + quantity(result.previousValue(), minScale, result.unit()) + " on "
                + date(result.previousEffective()) + ", " + direction;
    }
}
