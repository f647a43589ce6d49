package org.vigil.knowledge.dose;

import java.util.Optional;

/** What an MME conversion factor multiplies. */
public enum MmeDoseUnit {
    /** The total daily dose in milligrams. */
    MG_PER_DAY("mg/day"),
    /** The delivery rate of a transdermal system in micrograms per hour (fentanyl patches). */
    MCG_PER_HOUR("mcg/hr");

    private final String code;

    MmeDoseUnit(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<MmeDoseUnit> of(String code) {
        for (MmeDoseUnit unit : values()) {
            if (unit.code.equals(code)) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }
}
