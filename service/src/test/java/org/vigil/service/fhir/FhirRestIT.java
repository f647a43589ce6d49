package org.vigil.service.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.vigil.service.support.VigilServerTest;

/** The FHIR REST interactions on the record store: what is written is what is read, version by version. */
class FhirRestIT extends VigilServerTest {

    private FhirCalls fhir;

    @BeforeEach
    void calls() {
        fhir = new FhirCalls(client);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    static Observation creatinine(String id, String patientId) {
        Observation observation = new Observation();
        observation.setId(id);
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", "Laboratory")));
        observation.setCode(new CodeableConcept(new Coding("http://loinc.org", "2160-0", "Creatinine [Mass/volume]"))
                .setText("Creatinine"));
        observation.setSubject(new Reference("Patient/" + patientId));
        observation.setEffective(new DateTimeType("2024-03-05T08:30:00+01:00"));
        observation.setValue(new Quantity()
                .setValue(new java.math.BigDecimal("1.50"))
                .setUnit("mg/dL")
                .setSystem("http://unitsofmeasure.org")
                .setCode("mg/dL"));
        observation.addNote().setText("Drawn before dialysis");
        return observation;
    }

    @Test
    void whatIsPutIsWhatIsReadWithTheServersMeta() {
        String id = newId();
        Observation sent = creatinine(id, newId());

        FhirCalls.Answer created = fhir.put("/fhir/Observation/" + id, sent);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().getFirst("ETag")).isEqualTo("W/\"1\"");
        assertThat(created.headers().getFirst("Location")).endsWith("/fhir/Observation/" + id + "/_history/1");
        assertThat(created.headers().getContentType().toString()).startsWith("application/fhir+json");

        FhirCalls.Answer read = fhir.get("/fhir/Observation/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.headers().getFirst("ETag")).isEqualTo("W/\"1\"");
        Observation stored = read.as(Observation.class);
        assertThat(stored.getMeta().getVersionId()).isEqualTo("1");
        assertThat(stored.getMeta().getLastUpdated()).isNotNull();
        assertThat(read.body()).startsWith("{\"resourceType\":\"Observation\"");
        assertThat(read.body()).contains("1.50").contains("2024-03-05T08:30:00+01:00");

        stored.setMeta(null);
        stored.setId(stored.getIdElement().getIdPart()); // the parsed id carries the version too
        assertThat(FhirCalls.json(stored))
                .as("stored resource equals the one sent")
                .isEqualTo(FhirCalls.json(sent));
    }

    @Test
    void createAssignsTheIdAndAnswersWhereItIs() {
        Patient patient = new Patient();
        patient.setId("client-chosen");
        patient.addName(new HumanName().setFamily("Okafor").addGiven("Ada"));
        patient.setGender(Enumerations.AdministrativeGender.FEMALE);
        String mrn = newId();
        patient.addIdentifier().setSystem("urn:oid:1.2.36.146.595.217.0.1").setValue(mrn);

        FhirCalls.Answer created = fhir.post("/fhir/Patient", patient);

        assertThat(created.status()).isEqualTo(201);
        String location = created.headers().getFirst("Location");
        assertThat(location).matches(".*/fhir/Patient/[0-9a-f-]{36}/_history/1");
        Patient stored = created.as(Patient.class);
        assertThat(stored.getIdElement().getIdPart()).isNotEqualTo("client-chosen");
        assertThat(location).contains(stored.getIdElement().getIdPart());
        FhirCalls.Answer read =
                fhir.get("/fhir/Patient/" + stored.getIdElement().getIdPart());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.as(Patient.class).getNameFirstRep().getFamily()).isEqualTo("Okafor");
        Bundle byIdentifier = fhir.get("/fhir/Patient?identifier=urn:oid:1.2.36.146.595.217.0.1|" + mrn)
                .bundle();
        assertThat(byIdentifier.getTotal()).isEqualTo(1);
        assertThat(byIdentifier.getEntryFirstRep().getResource().getIdElement().getIdPart())
                .isEqualTo(stored.getIdElement().getIdPart());
    }

    @Test
    void everyVersionIsKeptAndADeletedResourceIsGone() {
        String id = newId();
        String path = "/fhir/Observation/" + id;
        Observation observation = creatinine(id, newId());
        assertThat(fhir.put(path, observation).status()).isEqualTo(201);
        observation.setStatus(Observation.ObservationStatus.AMENDED);
        assertThat(fhir.put(path, observation).status()).isEqualTo(200);
        assertThat(fhir.delete(path).status()).isEqualTo(204);

        assertThat(fhir.get(path).status()).isEqualTo(410);
        assertThat(fhir.get(path + "/_history/1").as(Observation.class).getStatus())
                .isEqualTo(Observation.ObservationStatus.FINAL);
        assertThat(fhir.get(path + "/_history/2").as(Observation.class).getStatus())
                .isEqualTo(Observation.ObservationStatus.AMENDED);
        assertThat(fhir.get(path + "/_history/3").status()).isEqualTo(410);
        assertThat(fhir.get(path + "/_history/4").status()).isEqualTo(404);

        Bundle history = fhir.get(path + "/_history").bundle();
        assertThat(history.getType()).isEqualTo(Bundle.BundleType.HISTORY);
        assertThat(history.getTotal()).isEqualTo(3);
        assertThat(history.getEntry().stream()
                        .map(e -> e.getRequest().getMethod().toCode() + " "
                                + e.getResponse().getEtag())
                        .collect(Collectors.toList()))
                .containsExactly("DELETE W/\"3\"", "PUT W/\"2\"", "PUT W/\"1\"");
        assertThat(history.getEntry().get(0).hasResource()).isFalse();

        observation.setStatus(Observation.ObservationStatus.CORRECTED);
        FhirCalls.Answer revived = fhir.put(path, observation);
        assertThat(revived.status()).isEqualTo(201);
        assertThat(revived.headers().getFirst("ETag")).isEqualTo("W/\"4\"");
        assertThat(fhir.get(path).as(Observation.class).getMeta().getVersionId())
                .isEqualTo("4");
    }

    @Test
    void anUpdateNamingAStaleVersionIsRefused() {
        String id = newId();
        String path = "/fhir/Observation/" + id;
        Observation observation = creatinine(id, newId());
        fhir.put(path, observation);
        observation.setStatus(Observation.ObservationStatus.AMENDED);
        assertThat(fhir.put(path, observation, "W/\"1\"").status()).isEqualTo(200);

        observation.setStatus(Observation.ObservationStatus.CANCELLED);
        FhirCalls.Answer stale = fhir.put(path, observation, "W/\"1\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.diagnostics()).contains("version 1").contains("is 2");
        Observation current = fhir.get(path).as(Observation.class);
        assertThat(current.getStatus()).isEqualTo(Observation.ObservationStatus.AMENDED);
        assertThat(current.getMeta().getVersionId()).isEqualTo("2");
        String absent = newId();
        assertThat(fhir.put("/fhir/Observation/" + absent, creatinine(absent, newId()), "W/\"1\"")
                        .status())
                .as("If-Match on a resource that does not exist")
                .isEqualTo(412);
    }

    @Test
    void invalidResourcesAreRefusedAndNothingIsStored() {
        String id = newId();
        String path = "/fhir/Observation/" + id;
        String unknownElement = FhirCalls.json(creatinine(id, newId())).replaceFirst("\\{", "{\"colour\":\"red\",");
        FhirCalls.Answer refused = fhir.send(HttpMethod.PUT, path, unknownElement, null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.resource().fhirType()).isEqualTo("OperationOutcome");
        assertThat(refused.diagnostics()).contains("colour");

        String badDate = FhirCalls.json(creatinine(id, newId())).replace("2024-03-05T08:30:00+01:00", "yesterday");
        assertThat(fhir.send(HttpMethod.PUT, path, badDate, null).status()).isEqualTo(400);
        assertThat(fhir.send(HttpMethod.PUT, path, "{not json", null).status()).isEqualTo(400);
        assertThat(fhir.get(path).status()).isEqualTo(404);

        FhirCalls.Answer wrongType = fhir.put("/fhir/Patient/" + id, creatinine(id, newId()));
        assertThat(wrongType.status()).isEqualTo(400);
        FhirCalls.Answer otherId = fhir.put(path, creatinine(newId(), newId()));
        assertThat(otherId.status()).isEqualTo(400);
        assertThat(otherId.diagnostics()).contains("id");

        MedicationRequest noSubject = new MedicationRequest();
        noSubject.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        noSubject.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        FhirCalls.Answer unprocessable = fhir.post("/fhir/MedicationRequest", noSubject);
        assertThat(unprocessable.status()).isEqualTo(422);
        assertThat(unprocessable.diagnostics()).contains("subject");

        assertThat(fhir.get("/fhir/Spaceship/1").status()).isEqualTo(404);
        assertThat(fhir.get("/fhir/Observation/" + "x".repeat(65)).status()).isEqualTo(400);
        assertThat(fhir.send(HttpMethod.PUT, path, "text", null).status()).isEqualTo(400);
        client.put()
                .uri(path)
                .contentType(org.springframework.http.MediaType.TEXT_PLAIN)
                .bodyValue(FhirCalls.json(creatinine(id, newId())))
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectHeader()
                .contentTypeCompatibleWith(FhirCalls.FHIR_JSON);
        assertThat(fhir.get(path).status()).isEqualTo(404);
    }

    @Test
    void theCapabilityStatementListsExactlyWhatIsServed() {
        FhirCalls.Answer answer = fhir.get("/fhir/metadata");
        assertThat(answer.status()).isEqualTo(200);
        CapabilityStatement statement = answer.as(CapabilityStatement.class);
        assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.getRestFirstRep();
        assertThat(rest.getResource().stream().map(r -> r.getType()).collect(Collectors.toList()))
                .containsExactlyInAnyOrder(
                        "Patient",
                        "Practitioner",
                        "Encounter",
                        "MedicationRequest",
                        "MedicationStatement",
                        "MedicationAdministration",
                        "Medication",
                        "AllergyIntolerance",
                        "Condition",
                        "Observation",
                        "Procedure",
                        "ServiceRequest",
                        "DiagnosticReport",
                        "Immunization");
        CapabilityStatement.CapabilityStatementRestResourceComponent observation = rest.getResource().stream()
                .filter(r -> r.getType().equals("Observation"))
                .findFirst()
                .orElseThrow();
        assertThat(observation.getSearchParam().stream().map(p -> p.getName()).collect(Collectors.toList()))
                .containsExactlyInAnyOrder("_id", "subject", "patient", "code", "status", "category", "date");
        assertThat(observation.getConditionalCreate()).isFalse();
        assertThat(rest.getInteraction().stream().map(i -> i.getCode().toCode()).collect(Collectors.toList()))
                .containsExactlyInAnyOrder("transaction", "batch");

        // every advertised search parameter is accepted, and one that is not advertised is refused
        for (CapabilityStatement.CapabilityStatementRestResourceComponent resource : rest.getResource()) {
            for (CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent param :
                    resource.getSearchParam()) {
                String value = param.getType() == Enumerations.SearchParamType.DATE ? "ge2024-01-01" : "x";
                assertThat(fhir.get("/fhir/" + resource.getType() + "?" + param.getName() + "=" + value)
                                .status())
                        .as(resource.getType() + "?" + param.getName())
                        .isEqualTo(200);
            }
        }
        assertThat(fhir.get("/fhir/Patient?code=x").status()).isEqualTo(400);
        assertThat(rest.getResource().stream()
                        .filter(r -> r.getType().equals("Patient"))
                        .flatMap(r -> r.getSearchParam().stream())
                        .map(p -> p.getName())
                        .collect(Collectors.toList()))
                .containsExactlyInAnyOrder("_id", "identifier");
    }

    static List<Resource> resources(Bundle bundle) {
        return bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .collect(Collectors.toList());
    }
}
