package org.vigil.knowledge.lab;

/**
 * The population a set of limits applies to: adults, or adult women or men where the cited reference
 * interval differs by sex (hemoglobin, creatinine).
 */
public enum Population {
    ADULT,
    ADULT_FEMALE,
    ADULT_MALE;

    /**
     * The sex-specific population for a FHIR administrative gender ({@code female}, {@code male}), or
     * {@link #ADULT} for any other value or none.
     */
    public static Population forSex(String sex) {
        if ("female".equalsIgnoreCase(sex)) {
            return ADULT_FEMALE;
        }
        if ("male".equalsIgnoreCase(sex)) {
            return ADULT_MALE;
        }
        return ADULT;
    }
}
