package org.vigil.service.prefetch;

/**
 * What one source said to one prefetch query: FHIR JSON ({@link PatientDataCache#NOTHING_FOUND}
 * when a read found nothing), or why it could not be had, in words that carry no patient data.
 */
record Fetched(String json, String problem) {

    static Fetched answer(String json) {
        return new Fetched(json, null);
    }

    static Fetched unavailable(String problem) {
        return new Fetched(null, problem);
    }

    boolean obtained() {
        return json != null;
    }
}
