package org.vigil.service.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.service.support.VigilServerTest;

/** The searches CDS Hooks prefetch uses, answered from the search index of one patient's record. */
class FhirSearchIT extends VigilServerTest {

    private static final String LOINC = "http://loinc.org";
    private static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

    private FhirCalls fhir;
    private String patient;

    @BeforeEach
    void record() {
        fhir = new FhirCalls(client);
        patient = UUID.randomUUID().toString();
        observation("creatinine", "2160-0", "laboratory", Observation.ObservationStatus.FINAL, "2024-01-10T08:00:00Z");
        observation("potassium", "2823-3", "laboratory", Observation.ObservationStatus.FINAL, "2024-02-15");
        observation(
                "pulse", "8867-4", "vital-signs", Observation.ObservationStatus.PRELIMINARY, "2024-03-01T10:00:00Z");
        // the same test for someone else, and a deleted result of this patient: neither may be found
        Observation other = build("other", "2160-0", "laboratory", Observation.ObservationStatus.FINAL, "2024-01-10");
        other.setSubject(new Reference("Patient/" + UUID.randomUUID()));
        assertThat(fhir.put("/fhir/Observation/" + other.getIdElement().getIdPart(), other)
                        .status())
                .isEqualTo(201);
        observation("withdrawn", "2160-0", "laboratory", Observation.ObservationStatus.FINAL, "2024-01-11");
        assertThat(fhir.delete("/fhir/Observation/" + patient + "-withdrawn").status())
                .isEqualTo(204);
    }

    private Observation build(
            String name, String loinc, String category, Observation.ObservationStatus status, String when) {
        Observation observation = new Observation();
        observation.setId(patient + "-" + name);
        observation.setStatus(status);
        observation.addCategory(new CodeableConcept(new Coding(CATEGORY, category, null)));
        observation.setCode(new CodeableConcept(new Coding(LOINC, loinc, null)));
        observation.setSubject(new Reference("Patient/" + patient));
        observation.setEffective(new DateTimeType(when));
        return observation;
    }

    private void observation(
            String name, String loinc, String category, Observation.ObservationStatus status, String when) {
        Observation observation = build(name, loinc, category, status, when);
        assertThat(fhir.put("/fhir/Observation/" + observation.getIdElement().getIdPart(), observation)
                        .status())
                .isEqualTo(201);
    }

    /** The names (id suffixes) of the observations found, in the order answered. */
    private List<String> found(String query) {
        FhirCalls.Answer answer = fhir.get("/fhir/Observation?" + query);
        assertThat(answer.status()).as(query + ": " + answer.body()).isEqualTo(200);
        Bundle bundle = answer.bundle();
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        return bundle.getEntry().stream()
                .map(e -> e.getResource().getIdElement().getIdPart().replace(patient + "-", ""))
                .collect(Collectors.toList());
    }

    @Test
    void byPatientOrSubject() {
        assertThat(found("patient=" + patient)).containsExactlyInAnyOrder("creatinine", "potassium", "pulse");
        assertThat(found("subject=Patient/" + patient)).containsExactlyInAnyOrder("creatinine", "potassium", "pulse");
        assertThat(found("patient=Patient/" + patient)).hasSize(3);
        assertThat(found("subject=Group/" + patient)).isEmpty();
    }

    @Test
    void byCodeAsAToken() {
        assertThat(found("patient=" + patient + "&code=" + LOINC + "|2160-0")).containsExactly("creatinine");
        assertThat(found("patient=" + patient + "&code=2160-0")).containsExactly("creatinine");
        assertThat(found("patient=" + patient + "&code=2160-0,2823-3"))
                .containsExactlyInAnyOrder("creatinine", "potassium");
        assertThat(found("patient=" + patient + "&code=http://snomed.info/sct|2160-0"))
                .isEmpty();
        assertThat(found("patient=" + patient + "&code=|2160-0"))
                .as("|code means a code without a system")
                .isEmpty();
        assertThat(found("patient=" + patient + "&code=" + LOINC + "|")).hasSize(3);
    }

    @Test
    void byStatusAndCategory() {
        assertThat(found("patient=" + patient + "&status=final")).containsExactlyInAnyOrder("creatinine", "potassium");
        assertThat(found("patient=" + patient + "&category=vital-signs")).containsExactly("pulse");
        assertThat(found("patient=" + patient + "&category=" + CATEGORY + "|laboratory&status=final"))
                .containsExactlyInAnyOrder("creatinine", "potassium");
    }

    @Test
    void byDateWithPrefixes() {
        String mine = "patient=" + patient + "&date=";
        assertThat(found(mine + "ge2024-02-01")).containsExactlyInAnyOrder("potassium", "pulse");
        assertThat(found(mine + "lt2024-02-01")).containsExactly("creatinine");
        assertThat(found(mine + "2024-02")).containsExactly("potassium");
        assertThat(found(mine + "eq2024-01-10")).containsExactly("creatinine");
        assertThat(found(mine + "le2024-01-10")).containsExactly("creatinine");
        assertThat(found(mine + "gt2024-02-15")).containsExactly("pulse");
        assertThat(found(mine + "gt2024-02-14")).containsExactlyInAnyOrder("potassium", "pulse");
        assertThat(found(mine + "ge2024-01-01&date=lt2024-03-01")).containsExactlyInAnyOrder("creatinine", "potassium");
        assertThat(found(mine + "2024-03-01T10:00:00Z")).containsExactly("pulse");
    }

    @Test
    void byIdSortedAndPaged() {
        assertThat(found("_id=" + patient + "-pulse," + patient + "-creatinine"))
                .containsExactlyInAnyOrder("pulse", "creatinine");
        assertThat(found("patient=" + patient + "&_sort=date")).containsExactly("creatinine", "potassium", "pulse");
        assertThat(found("patient=" + patient + "&_sort=-date")).containsExactly("pulse", "potassium", "creatinine");

        Bundle first = fhir.get("/fhir/Observation?patient=" + patient + "&_sort=date&_count=2")
                .bundle();
        assertThat(first.getTotal()).isEqualTo(3);
        assertThat(first.getEntry()).hasSize(2);
        String next = first.getLink("next").getUrl();
        assertThat(next).contains("_offset=2");
        Bundle second = fhir.get(next.substring(next.indexOf("/fhir/"))).bundle();
        assertThat(second.getTotal()).isEqualTo(3);
        assertThat(second.getEntry()).hasSize(1);
        assertThat(second.getEntryFirstRep().getResource().getIdElement().getIdPart())
                .isEqualTo(patient + "-pulse");
        assertThat(second.getLink("next")).isNull();

        Bundle countOnly =
                fhir.get("/fhir/Observation?patient=" + patient + "&_count=0").bundle();
        assertThat(countOnly.getTotal()).isEqualTo(3);
        assertThat(countOnly.getEntry()).isEmpty();
    }

    @Test
    void unknownParametersAndValuesAreRefused() {
        assertThat(fhir.get("/fhir/Observation?patient=" + patient + "&colour=red")
                        .status())
                .isEqualTo(400);
        FhirCalls.Answer in = fhir.get("/fhir/Observation?code:in=http://example.org/vs");
        assertThat(in.status()).isEqualTo(400);
        assertThat(in.diagnostics()).contains(":in");
        assertThat(fhir.get("/fhir/Observation?date=sa2024").status()).isEqualTo(400);
        assertThat(fhir.get("/fhir/Observation?date=ge2024-13-45").status()).isEqualTo(400);
        assertThat(fhir.get("/fhir/Observation?_sort=code").status()).isEqualTo(400);
        assertThat(fhir.get("/fhir/Observation?_count=many").status()).isEqualTo(400);
        assertThat(fhir.get("/fhir/Observation?patient=").status()).isEqualTo(400);
    }

    @Test
    void otherTypesAreIndexedByTheirOwnParameters() {
        Condition condition = new Condition();
        condition.setId(patient + "-ckd");
        condition.setSubject(new Reference("Patient/" + patient));
        condition.setClinicalStatus(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
        condition.setCode(new CodeableConcept(new Coding("http://snomed.info/sct", "709044004", "CKD")));
        condition.setOnset(new Period().setStartElement(new DateTimeType("2019-06")));
        assertThat(fhir.put("/fhir/Condition/" + patient + "-ckd", condition).status())
                .isEqualTo(201);

        MedicationRequest order = new MedicationRequest();
        order.setId(patient + "-metformin");
        order.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        order.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        order.setSubject(new Reference("Patient/" + patient));
        order.setMedication(
                new CodeableConcept(new Coding("http://www.nlm.nih.gov/research/umls/rxnorm", "860975", null)));
        order.setAuthoredOnElement(new DateTimeType("2024-04-02"));
        assertThat(fhir.put("/fhir/MedicationRequest/" + patient + "-metformin", order)
                        .status())
                .isEqualTo(201);

        assertThat(fhir.get("/fhir/Condition?patient=" + patient + "&clinical-status=active&onset-date=ge2020")
                        .bundle()
                        .getTotal())
                .as("an onset period with no end reaches into the present")
                .isEqualTo(1);
        assertThat(fhir.get("/fhir/Condition?patient=" + patient + "&code=709044004")
                        .bundle()
                        .getTotal())
                .isEqualTo(1);
        assertThat(fhir.get("/fhir/MedicationRequest?subject=Patient/" + patient + "&status=active&code=860975")
                        .bundle()
                        .getTotal())
                .isEqualTo(1);
        assertThat(fhir.get("/fhir/MedicationRequest?patient=" + patient + "&authoredon=lt2024-04-01")
                        .bundle()
                        .getTotal())
                .isZero();
        assertThat(fhir.get("/fhir/MedicationRequest?patient=" + patient + "&status=stopped")
                        .bundle()
                        .getTotal())
                .isZero();
    }
}
