package org.vigil.allergy;

/** FHIR AllergyIntolerance.type: an immune allergy, a non-immune intolerance, or not stated. */
public enum ReactionType {
    ALLERGY,
    INTOLERANCE,
    UNSTATED
}
