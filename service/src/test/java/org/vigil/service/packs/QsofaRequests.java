package org.vigil.service.packs;

import java.time.Instant;

/** patient-view calls for the shipped qSOFA pack service, with vital signs taken at a given instant. */
public final class QsofaRequests {

    private QsofaRequests() {}

    /** A call with a respiratory rate, a blood pressure panel (systolic component) and a GCS total. */
    public static String patientView(String patientId, Instant taken, int respiratoryRate, int systolic, int gcs) {
        return """
                {
                  "hook": "patient-view",
                  "hookInstance": "6f0c6a43-54a1-4b0e-9d53-2d3c1c2f0a11",
                  "context": {"userId": "Practitioner/demo-clinician", "patientId": "%1$s"},
                  "prefetch": {
                    "patient": {"resourceType": "Patient", "id": "%1$s", "gender": "female", "birthDate": "1950-04-02"},
                    "observation": {
                      "resourceType": "Bundle",
                      "type": "searchset",
                      "entry": [
                        %3$s,
                        {"resource": {
                          "resourceType": "Observation", "id": "bp-1", "status": "final",
                          "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9", "display": "Blood pressure panel"}]},
                          "subject": {"reference": "Patient/%1$s"},
                          "effectiveDateTime": "%2$s",
                          "component": [
                            {"code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]},
                             "valueQuantity": {"value": %5$d, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}},
                            {"code": {"coding": [{"system": "http://loinc.org", "code": "8462-4"}]},
                             "valueQuantity": {"value": 60, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}}
                          ]
                        }},
                        %4$s
                      ]
                    }
                  }
                }
                """.formatted(
                        patientId,
                        taken,
                        observation("rr-1", patientId, taken, "9279-1", "Respiratory rate", respiratoryRate, "/min"),
                        observation("gcs-1", patientId, taken, "9269-2", "Glasgow coma score total", gcs, "{score}"),
                        systolic);
    }

    private static String observation(
            String id, String patientId, Instant taken, String loinc, String display, int value, String unit) {
        return """
                {"resource": {
                  "resourceType": "Observation", "id": "%s", "status": "final",
                  "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "vital-signs"}]}],
                  "code": {"coding": [{"system": "http://loinc.org", "code": "%s", "display": "%s"}]},
                  "subject": {"reference": "Patient/%s"},
                  "effectiveDateTime": "%s",
                  "valueQuantity": {"value": %d, "unit": "%s", "system": "http://unitsofmeasure.org", "code": "%s"}
                }}""".formatted(id, loinc, display, patientId, taken, value, unit, unit);
    }
}
