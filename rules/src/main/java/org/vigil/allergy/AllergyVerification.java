package org.vigil.allergy;

/** FHIR AllergyIntolerance.verificationStatus; UNSTATED when the record does not say. */
public enum AllergyVerification {
    UNCONFIRMED,
    PRESUMED,
    CONFIRMED,
    REFUTED,
    ENTERED_IN_ERROR,
    UNSTATED
}
