package org.vigil.service.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.vigil.service.support.VigilServerTest;

/** Transaction Bundles commit whole or not at all; batch Bundles entry by entry. */
class FhirTransactionIT extends VigilServerTest {

    private FhirCalls fhir;

    @BeforeEach
    void calls() {
        fhir = new FhirCalls(client);
    }

    private static Bundle.BundleEntryComponent post(Bundle bundle, String fullUrl, Resource resource) {
        Bundle.BundleEntryComponent entry =
                bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
        entry.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType());
        return entry;
    }

    private static Bundle.BundleEntryComponent put(Bundle bundle, Resource resource) {
        Bundle.BundleEntryComponent entry = bundle.addEntry().setResource(resource);
        entry.getRequest()
                .setMethod(Bundle.HTTPVerb.PUT)
                .setUrl(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
        return entry;
    }

    private static Patient patient(String family) {
        Patient patient = new Patient();
        patient.addName(new HumanName().setFamily(family));
        return patient;
    }

    @Test
    void urnUuidReferencesPointAtTheAssignedIds() {
        String patientUrn = "urn:uuid:" + UUID.randomUUID();
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setCode(new CodeableConcept(new Coding("http://loinc.org", "2160-0", null)));
        observation.setSubject(new Reference(patientUrn));
        // the reference comes before the entry it names: order in the Bundle does not matter
        post(bundle, "urn:uuid:" + UUID.randomUUID(), observation);
        post(bundle, patientUrn, patient("Mensah"));
        Condition condition = new Condition();
        condition.setSubject(new Reference(patientUrn));
        condition.setCode(new CodeableConcept(new Coding("http://snomed.info/sct", "38341003", null)));
        post(bundle, "urn:uuid:" + UUID.randomUUID(), condition);

        FhirCalls.Answer answer = fhir.post("/fhir", bundle);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Bundle response = answer.bundle();
        assertThat(response.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
        assertThat(response.getEntry()).hasSize(3);
        assertThat(response.getEntry())
                .allSatisfy(e -> assertThat(e.getResponse().getStatus()).isEqualTo("201 Created"));
        String observationLocation = response.getEntry().get(0).getResponse().getLocation();
        String patientLocation = response.getEntry().get(1).getResponse().getLocation();
        assertThat(patientLocation).matches("Patient/[0-9a-f-]{36}/_history/1");
        String patientId = patientLocation.split("/")[1];

        Observation stored = fhir.get("/fhir/" + observationLocation.replace("/_history/1", ""))
                .as(Observation.class);
        assertThat(stored.getSubject().getReference()).isEqualTo("Patient/" + patientId);
        assertThat(fhir.get("/fhir/Patient/" + patientId)
                        .as(Patient.class)
                        .getNameFirstRep()
                        .getFamily())
                .isEqualTo("Mensah");
        assertThat(fhir.get("/fhir/Condition?patient=" + patientId).bundle().getTotal())
                .isEqualTo(1);
        assertThat(fhir.get("/fhir/Observation?patient=" + patientId + "&code=2160-0")
                        .bundle()
                        .getTotal())
                .isEqualTo(1);
    }

    @Test
    void oneFailingEntryLeavesNothingStored() {
        String patientId = UUID.randomUUID().toString();
        Patient patient = patient("Rollback");
        patient.setId(patientId);
        Observation existing = FhirRestIT.creatinine(UUID.randomUUID().toString(), patientId);
        String existingPath = "/fhir/Observation/" + existing.getIdElement().getIdPart();
        assertThat(fhir.put(existingPath, existing).status()).isEqualTo(201);

        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        put(bundle, patient);
        Observation amended = existing.copy();
        amended.setStatus(Observation.ObservationStatus.AMENDED);
        put(bundle, amended);
        Observation stale = existing.copy();
        stale.setStatus(Observation.ObservationStatus.CANCELLED);
        put(bundle, stale).getRequest().setIfMatch("W/\"1\"");

        FhirCalls.Answer answer = fhir.post("/fhir", bundle);

        assertThat(answer.status()).as(answer.body()).isEqualTo(412);
        assertThat(answer.diagnostics()).startsWith("Bundle entry 2");
        assertThat(fhir.get("/fhir/Patient/" + patientId).status()).isEqualTo(404);
        Observation current = fhir.get(existingPath).as(Observation.class);
        assertThat(current.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
        assertThat(current.getMeta().getVersionId()).isEqualTo("1");
        assertThat(fhir.get(existingPath + "/_history").bundle().getTotal()).isEqualTo(1);
    }

    @Test
    void anUnprocessableOrInvalidEntryLeavesNothingStored() {
        String patientId = UUID.randomUUID().toString();
        Patient patient = patient("Unprocessable");
        patient.setId(patientId);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        put(bundle, patient);
        MedicationRequest noSubject = new MedicationRequest();
        noSubject.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        noSubject.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        post(bundle, "urn:uuid:" + UUID.randomUUID(), noSubject);

        FhirCalls.Answer unprocessable = fhir.post("/fhir", bundle);
        assertThat(unprocessable.status()).isEqualTo(422);
        assertThat(fhir.get("/fhir/Patient/" + patientId).status()).isEqualTo(404);

        String invalid = FhirCalls.json(bundle).replace("\"intent\":\"order\"", "\"intent\":\"whenever\"");
        assertThat(fhir.send(HttpMethod.POST, "/fhir", invalid, null).status()).isEqualTo(400);

        Bundle dangling = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        put(dangling, patient);
        Observation observation = FhirRestIT.creatinine(UUID.randomUUID().toString(), patientId);
        observation.setSubject(new Reference("urn:uuid:" + UUID.randomUUID()));
        put(dangling, observation);
        FhirCalls.Answer unresolved = fhir.post("/fhir", dangling);
        assertThat(unresolved.status()).isEqualTo(400);
        assertThat(unresolved.diagnostics()).contains("urn:uuid:");
        assertThat(fhir.get("/fhir/Patient/" + patientId).status()).isEqualTo(404);

        assertThat(fhir.post("/fhir", patient("NotABundle")).status()).isEqualTo(400);
        assertThat(fhir.post("/fhir", new Bundle().setType(Bundle.BundleType.COLLECTION))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aBatchRunsEachEntryOnItsOwn() {
        String patientId = UUID.randomUUID().toString();
        Patient patient = patient("Batch");
        patient.setId(patientId);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.BATCH);
        put(bundle, patient);
        MedicationRequest noSubject = new MedicationRequest();
        noSubject.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        noSubject.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        post(bundle, null, noSubject);
        Bundle.BundleEntryComponent delete = bundle.addEntry();
        delete.getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl("Patient/" + patientId);

        FhirCalls.Answer answer = fhir.post("/fhir", bundle);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Bundle response = answer.bundle();
        assertThat(response.getType()).isEqualTo(Bundle.BundleType.BATCHRESPONSE);
        assertThat(response.getEntry().get(0).getResponse().getStatus()).isEqualTo("201 Created");
        assertThat(response.getEntry().get(1).getResponse().getStatus()).startsWith("422");
        assertThat(response.getEntry().get(1).getResponse().getOutcome()).isNotNull();
        assertThat(response.getEntry().get(2).getResponse().getStatus()).isEqualTo("204 No Content");
        assertThat(fhir.get("/fhir/Patient/" + patientId).status()).isEqualTo(410);
    }
}
