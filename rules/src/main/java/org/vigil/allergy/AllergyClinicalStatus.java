package org.vigil.allergy;

/** FHIR AllergyIntolerance.clinicalStatus; UNSTATED when the record does not say. */
public enum AllergyClinicalStatus {
    ACTIVE,
    INACTIVE,
    RESOLVED,
    UNSTATED
}
