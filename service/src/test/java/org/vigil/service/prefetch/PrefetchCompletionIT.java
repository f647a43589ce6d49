package org.vigil.service.prefetch;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.UUID;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.vigil.service.store.FhirStore;
import org.vigil.service.support.VigilServerTest;

/**
 * Hook calls whose prefetch is missing, answered from Vigil's record store (written through the
 * store first) or from the client's FHIR server (a stand-in on a random port), and refused with
 * 412 when required data cannot be had. The draft order is simvastatin; the active clarithromycin
 * order that makes it a critical interaction lives only in the store or on the FHIR server.
 */
class PrefetchCompletionIT extends VigilServerTest {

    private static final String ORDER_SIGN = "/cds-services/order-sign-medication-safety";
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static FhirServerStandIn fhirServer;

    @Autowired
    private FhirStore store;

    @BeforeAll
    static void startFhirServer() {
        fhirServer = new FhirServerStandIn();
    }

    @AfterAll
    static void stopFhirServer() {
        fhirServer.close();
    }

    @Test
    void withNoPrefetchAPatientInTheStoreIsCheckedAgainstTheStoredMedications() {
        String patient = newPatientInStore();
        write(activeClarithromycin(patient, "clari-" + patient));

        call(request(patient, null, null))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.cards.length()")
                .isEqualTo(1)
                .jsonPath("$.cards[0].indicator")
                .isEqualTo("critical")
                .jsonPath("$.cards[0].summary")
                .value(
                        String.class,
                        summary -> assertThat(summary.toLowerCase()).contains("clarithromycin"));
    }

    @Test
    void patientViewWithNoPrefetchFindsTheLatestResultsInTheStore() {
        String patient = newPatientInStore();
        java.time.Instant now = java.time.Instant.now();
        write(potassium(patient, "k-old-" + patient, 5.0, now.minus(java.time.Duration.ofDays(4))));
        write(potassium(patient, "k-new-" + patient, 6.8, now.minus(java.time.Duration.ofHours(1))));
        String body = """
                {"hook": "patient-view", "hookInstance": "%s",
                 "context": {"userId": "Practitioner/prefetch-it", "patientId": "%s"}}
                """.formatted(UUID.randomUUID(), patient);

        client.post()
                .uri("/cds-services/patient-view-alerts")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.cards.length()")
                .isEqualTo(1)
                .jsonPath("$.cards[0].indicator")
                .isEqualTo("critical")
                .jsonPath("$.cards[0].detail")
                .value(String.class, detail -> assertThat(detail).contains("6.8"));
    }

    @Test
    void aStoreWriteBetweenTwoCallsChangesTheAnswer() {
        String patient = newPatientInStore();
        cards(request(patient, null, null), 0);

        write(activeClarithromycin(patient, "clari-" + patient));
        cards(request(patient, null, null), 1);

        store.delete("MedicationRequest", "clari-" + patient).block();
        cards(request(patient, null, null), 0);
    }

    @Test
    void dataFetchedFromTheStoreIsReusedUntilTheStoreWritesForThatPatient() {
        String patient = newPatientInStore();
        write(activeClarithromycin(patient, "clari-" + patient));
        cards(request(patient, null, null), 1);

        // Removed behind the store's back: the cached answer is still used...
        database.sql("UPDATE fhir_resource SET deleted = true WHERE resource_type = 'MedicationRequest' AND id = $1")
                .bind(0, "clari-" + patient)
                .then()
                .block();
        cards(request(patient, null, null), 1);

        // ...until the store writes anything for the patient.
        write(patientResource(patient));
        cards(request(patient, null, null), 0);
    }

    @Test
    void whatTheClientPrefetchedIsUsedAsSent() {
        String patient = newPatientInStore();
        write(activeClarithromycin(patient, "clari-" + patient));
        String prefetch = """
                {"medications": {"resourceType": "Bundle", "type": "searchset", "entry": []}}
                """;
        cards(request(patient, null, prefetch), 0);
    }

    @Test
    void aPatientNotInTheStoreIsFetchedFromTheClientsFhirServerWithItsToken() {
        String patient = "remote-" + UUID.randomUUID();
        cards(request(patient, fhirServer.base("ok"), null), 1);

        assertThat(fhirServer.requests("/ok/Patient/" + patient, patient)).isEqualTo(1);
        assertThat(fhirServer.requests("/ok/MedicationRequest", patient))
                .as("the first page and the one its next link names")
                .isEqualTo(2);
        assertThat(fhirServer.authorizations()).allMatch(("Bearer " + FhirServerStandIn.TOKEN)::equals);

        // The same call again is answered from the cache: the FHIR server is not asked again.
        cards(request(patient, fhirServer.base("ok"), null), 1);
        assertThat(fhirServer.requests("/ok/Patient/" + patient, patient)).isEqualTo(1);
    }

    @Test
    void aPrefetchValueThatIsAnOperationOutcomeIsFetchedInstead() {
        String patient = "outcome-" + UUID.randomUUID();
        String prefetch = """
                {"patient": {"resourceType": "Patient", "id": "%s", "gender": "male", "birthDate": "1960-01-01"},
                 "medications": {"resourceType": "OperationOutcome",
                   "issue": [{"severity": "error", "code": "timeout"}]},
                 "allergies": {"resourceType": "Bundle", "type": "searchset", "entry": []}}
                """.formatted(patient);
        cards(request(patient, fhirServer.base("ok"), prefetch), 1);
        assertThat(fhirServer.requests("/ok/Patient/" + patient, patient))
                .as("the patient was prefetched")
                .isZero();
    }

    @Test
    void aFhirServerTooSlowToAnswerIs412NamingTheMedications() {
        refused(request("slow-" + UUID.randomUUID(), fhirServer.base("slow"), null), "did not answer within");
    }

    @Test
    void aFhirServerFailingWith500Is412NamingTheMedications() {
        refused(request("fail-" + UUID.randomUUID(), fhirServer.base("fail"), null), "answered 500");
    }

    @Test
    void aFhirServerAnswerOverTheSizeBoundIs412NamingTheMedications() {
        refused(request("huge-" + UUID.randomUUID(), fhirServer.base("huge"), null), "exceeds");
    }

    @Test
    void withNoPrefetchNoFhirServerAndAPatientNotInTheStoreTheCallIs412NamingEveryRequiredKey() {
        call(request("nowhere-" + UUID.randomUUID(), null, null))
                .expectStatus()
                .isEqualTo(412)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("prefetch-unavailable")
                .jsonPath("$.missingPrefetch")
                .value(missing -> assertThat(missing.toString()).contains("patient", "medications", "allergies"))
                .jsonPath("$.message")
                .value(String.class, message -> assertThat(message).contains("names no fhirServer"));
    }

    private void refused(String body, String why) {
        call(body)
                .expectStatus()
                .isEqualTo(412)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("prefetch-unavailable")
                .jsonPath("$.missingPrefetch.length()")
                .isEqualTo(1)
                .jsonPath("$.missingPrefetch[0]")
                .isEqualTo("medications")
                .jsonPath("$.message")
                .value(
                        String.class,
                        message -> assertThat(message).contains(why).doesNotContain(FhirServerStandIn.TOKEN));
    }

    private void cards(String body, int count) {
        call(body)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.cards.length()")
                .isEqualTo(count);
    }

    private WebTestClient.ResponseSpec call(String body) {
        return client.post()
                .uri(ORDER_SIGN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private String newPatientInStore() {
        String patient = "store-" + UUID.randomUUID();
        write(patientResource(patient));
        return patient;
    }

    private void write(String json) {
        Resource resource = (Resource) FHIR.newJsonParser().parseResource(json);
        store.update(resource.fhirType(), resource.getIdElement().getIdPart(), resource, null)
                .block();
    }

    private static String patientResource(String id) {
        return """
                {"resourceType": "Patient", "id": "%s", "gender": "female", "birthDate": "1956-04-12"}
                """.formatted(id);
    }

    private static String activeClarithromycin(String patient, String id) {
        return """
                {"resourceType": "MedicationRequest", "id": "%s", "status": "active", "intent": "order",
                 "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm",
                   "code": "21212", "display": "clarithromycin"}]},
                 "subject": {"reference": "Patient/%s"}}
                """.formatted(id, patient);
    }

    private static String potassium(String patient, String id, double value, java.time.Instant taken) {
        return """
                {"resourceType": "Observation", "id": "%s", "status": "final",
                 "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                   "code": "laboratory"}]}],
                 "code": {"coding": [{"system": "http://loinc.org", "code": "2823-3",
                   "display": "Potassium [Moles/volume] in Serum or Plasma"}]},
                 "subject": {"reference": "Patient/%s"}, "effectiveDateTime": "%s",
                 "valueQuantity": {"value": %s, "unit": "mmol/L", "system": "http://unitsofmeasure.org",
                   "code": "mmol/L"}}
                """.formatted(id, patient, taken, value);
    }

    /** An order-sign call for simvastatin; {@code prefetch} is a JSON object or null for none. */
    private static String request(String patient, String fhirServerBase, String prefetch) {
        String server = fhirServerBase == null ? "" : """
                "fhirServer": "%s",
                "fhirAuthorization": {"access_token": "%s", "token_type": "Bearer", "expires_in": 300,
                  "scope": "user/*.read", "subject": "vigil"},
                """.formatted(fhirServerBase, FhirServerStandIn.TOKEN);
        return """
                {"hook": "order-sign", "hookInstance": "%s", %s
                 "context": {"userId": "Practitioner/prefetch-it", "patientId": "%s",
                   "draftOrders": {"resourceType": "Bundle", "type": "collection", "entry": [{"resource":
                     {"resourceType": "MedicationRequest", "id": "draft-simva", "status": "draft", "intent": "order",
                      "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm",
                        "code": "198211", "display": "simvastatin 40 MG Oral Tablet"}]},
                      "subject": {"reference": "Patient/%s"}}}]}}%s}
                """.formatted(
                UUID.randomUUID(), server, patient, patient, prefetch == null ? "" : ", \"prefetch\": " + prefetch);
    }
}
