package org.vigil.knowledge.condition;

import java.util.Optional;

/** The code systems a condition group can be defined in, with their table token and FHIR URI. */
public enum ConditionCodeSystem {
    /** SNOMED CT: matched exactly, as Vigil holds no SNOMED CT hierarchy. */
    SNOMED("snomed", "http://snomed.info/sct"),
    /** ICD-10-CM: a category can stand for all its descendants (prefix match). */
    ICD10CM("icd10cm", "http://hl7.org/fhir/sid/icd-10-cm");

    private final String token;
    private final String uri;

    ConditionCodeSystem(String token, String uri) {
        this.token = token;
        this.uri = uri;
    }

    /** How the table spells the system ({@code snomed}, {@code icd10cm}). */
    public String token() {
        return token;
    }

    /** The FHIR {@code Coding.system} URI. */
    public String uri() {
        return uri;
    }

    /** The system with this exact FHIR URI, or empty. */
    public static Optional<ConditionCodeSystem> ofUri(String uri) {
        for (ConditionCodeSystem system : values()) {
            if (system.uri.equals(uri)) {
                return Optional.of(system);
            }
        }
        return Optional.empty();
    }

    static Optional<ConditionCodeSystem> ofToken(String token) {
        for (ConditionCodeSystem system : values()) {
            if (system.token.equals(token)) {
                return Optional.of(system);
            }
        }
        return Optional.empty();
    }
}
