package org.vigil.knowledge.lab;

import java.util.Objects;

/**
 * The outcome of converting an observed value: either the converted value, or an explicit reason why
 * the value cannot be compared. A value that cannot be converted is never guessed at.
 */
public sealed interface Conversion permits Conversion.Converted, Conversion.NotConvertible {

    /** {@code true} for {@link Converted}. */
    boolean isConverted();

    /** The converted value, or {@link Double#NaN} when not convertible. */
    double valueOrNaN();

    /**
     * A converted value.
     *
     * @param value the value in {@code unit}
     * @param unit the unit converted to
     * @param rule the table rule applied to reach the canonical unit from the given unit
     */
    record Converted(double value, String unit, UnitConversion rule) implements Conversion {

        public Converted {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(rule, "rule");
        }

        @Override
        public boolean isConverted() {
            return true;
        }

        @Override
        public double valueOrNaN() {
            return value;
        }
    }

    /**
     * A value that must not be compared.
     *
     * @param analyteId the analyte the value was reported for
     * @param unit the unit as received ({@code null} when none was sent)
     * @param reason why it cannot be converted
     */
    record NotConvertible(String analyteId, String unit, Reason reason) implements Conversion {

        public NotConvertible {
            Objects.requireNonNull(analyteId, "analyteId");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean isConverted() {
            return false;
        }

        @Override
        public double valueOrNaN() {
            return Double.NaN;
        }

        /** A sentence for logs and for the reviewer, e.g. why a potassium result was not checked. */
        public String message() {
            return switch (reason) {
                case MISSING_UNIT -> analyteId + ": value has no unit, so it is not compared";
                case UNKNOWN_UNIT ->
                    analyteId + ": unit '" + unit + "' has no known conversion, so the value is not compared";
                case NOT_A_NUMBER -> analyteId + ": value is not a finite number, so it is not compared";
            };
        }
    }

    /** Why a value was not converted. */
    enum Reason {
        /** No unit was sent. */
        MISSING_UNIT,
        /** The unit is not the analyte's canonical unit and no table row converts it. */
        UNKNOWN_UNIT,
        /** The value is NaN or infinite. */
        NOT_A_NUMBER
    }
}
