package org.vigil.service.store;

import static org.vigil.service.store.IndexedType.code;
import static org.vigil.service.store.IndexedType.codings;
import static org.vigil.service.store.IndexedType.identifiers;
import static org.vigil.service.store.IndexedType.medicationCode;
import static org.vigil.service.store.IndexedType.range;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumeration;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * The resource types the record store keeps and their search parameters, named as FHIR R4 names
 * them. A patient reference is indexed only when it points at a Patient; a required one (1..1 in
 * R4) that does not is refused with 422.
 */
public final class ResourceTypes {

    private static final String CODE = "The coded concept (system|code, |code or code)";
    private static final String STATUS = "The status code";
    private static final String IDENTIFIER = "A business identifier (system|value or value)";
    private static final String CATEGORY = "The category (system|code, |code or code)";

    private final Map<String, IndexedType> types = new LinkedHashMap<>();

    public ResourceTypes() {
        add(IndexedType.of(Patient.class)
                .token("identifier", IDENTIFIER, r -> identifiers(r.getIdentifier()))
                .build());
        add(IndexedType.of(Practitioner.class)
                .token("identifier", IDENTIFIER, r -> identifiers(r.getIdentifier()))
                .build());
        add(IndexedType.of(Encounter.class)
                .patient("subject", false, Encounter::getSubject)
                .token("status", STATUS, r -> code("status", r.getStatusElement()))
                .date("date", "Encounter.period", r -> range(r.getPeriod()))
                .build());
        add(IndexedType.of(MedicationRequest.class)
                .patient("subject", true, MedicationRequest::getSubject)
                .token("code", "medicationCodeableConcept", r -> codings("code", medicationCode(r.getMedication())))
                .token("status", STATUS, r -> code("status", r.getStatusElement()))
                .token("category", CATEGORY, r -> codings("category", r.getCategory()))
                .date("authoredon", "MedicationRequest.authoredOn", r -> range(r.getAuthoredOnElement()))
                .build());
        add(IndexedType.of(MedicationStatement.class)
                .patient("subject", true, MedicationStatement::getSubject)
                .token("code", "medicationCodeableConcept", r -> codings("code", medicationCode(r.getMedication())))
                .token("status", STATUS, r -> code("status", r.getStatusElement()))
                .token("category", CATEGORY, r -> codings("category", r.getCategory()))
                .date("effective", "MedicationStatement.effective[x]", r -> range(r.getEffective()))
                .build());
        add(IndexedType.of(MedicationAdministration.class)
                .patient("subject", true, MedicationAdministration::getSubject)
                .token("code", "medicationCodeableConcept", r -> codings("code", medicationCode(r.getMedication())))
                .token("status", STATUS, r -> code("status", r.getStatusElement()))
                .date("effective-time", "MedicationAdministration.effective[x]", r -> range(r.getEffective()))
                .build());
        add(IndexedType.of(Medication.class)
                .token("code", CODE, r -> codings("code", r.getCode()))
                .token("status", STATUS, r -> code("status", r.getStatusElement()))
                .build());
        add(IndexedType.of(AllergyIntolerance.class)
                .patient("patient", true, AllergyIntolerance::getPatient)
                .token("code", CODE, r -> codings("code", r.getCode()))
                .token(
                        "clinical-status",
                        "AllergyIntolerance.clinicalStatus",
                        r -> codings("clinical-status", r.getClinicalStatus()))
                .token(
                        "verification-status",
                        "AllergyIntolerance.verificationStatus",
                        r -> codings("verification-status", r.getVerificationStatus()))
                .token("category", "AllergyIntolerance.category (food, medication, environment, biologic)", r -> {
                    List<IndexEntries.Token> rows = new ArrayList<>();
                    for (Enumeration<?> category : r.getCategory()) {
                        rows.addAll(code("category", category));
                    }
                    return rows;
                })
                .date("date", "AllergyIntolerance.recordedDate", r -> range(r.getRecordedDateElement()))
                .build());
        add(IndexedType.of(Condition.class)
                .patient("subject", true, Condition::getSubject)
                .token("code", CODE, r -> codings("code", r.getCode()))
                .token(
                        "clinical-status",
                        "Condition.clinicalStatus",
                        r -> codings("clinical-status", r.getClinicalStatus()))
                .token(
                        "verification-status",
                        "Condition.verificationStatus",
                        r -> codings("verification-status", r.getVerificationStatus()))
                .token("category", CATEGORY, r -> codings("category", r.getCategory()))
                .date("onset-date", "Condition.onset[x] when a dateTime or Period", r -> range(r.getOnset()))
                .date("recorded-date", "Condition.recordedDate", r -> range(r.getRecordedDateElement()))
                .build());
        add(IndexedType.of(Observation.class)
                .patient("subject", false, Observation::getSubject)
                .token("code", CODE, r -> codings("code", r.getCode()))
                .token("status", STATUS, r -> code("status", r.getStatusElement()))
                .token("category", CATEGORY, r -> codings("category", r.getCategory()))
                .date("date", "Observation.effective[x]", r -> range(r.getEffective()))
                .build());
        add(IndexedType.of(Procedure.class)
                .patient("subject", true, Procedure::getSubject)
                .token("code", CODE, r -> codings("code", r.getCode()))
                .token("status", STATUS, r -> code("status", r.getStatusElement()))
                .token("category", CATEGORY, r -> codings("category", r.getCategory()))
                .date("date", "Procedure.performed[x]", r -> range(r.getPerformed()))
                .build());
        add(IndexedType.of(ServiceRequest.class)
                .patient("subject", true, ServiceRequest::getSubject)
                .token("code", CODE, r -> codings("code", r.getCode()))
                .token("status", STATUS, r -> code("status", r.getStatusElement()))
                .token("category", CATEGORY, r -> codings("category", r.getCategory()))
                .date("authored", "ServiceRequest.authoredOn", r -> range(r.getAuthoredOnElement()))
                .build());
        add(IndexedType.of(DiagnosticReport.class)
                .patient("subject", false, DiagnosticReport::getSubject)
                .token("code", CODE, r -> codings("code", r.getCode()))
                .token("status", STATUS, r -> code("status", r.getStatusElement()))
                .token("category", CATEGORY, r -> codings("category", r.getCategory()))
                .date("date", "DiagnosticReport.effective[x]", r -> range(r.getEffective()))
                .build());
        add(IndexedType.of(Immunization.class)
                .patient("patient", true, Immunization::getPatient)
                .token("vaccine-code", "Immunization.vaccineCode", r -> codings("vaccine-code", r.getVaccineCode()))
                .token("status", STATUS, r -> code("status", r.getStatusElement()))
                .date("date", "Immunization.occurrence[x]", r -> range(r.getOccurrence()))
                .build());
    }

    private void add(IndexedType type) {
        types.put(type.name(), type);
    }

    public List<IndexedType> all() {
        return List.copyOf(types.values());
    }

    public Optional<IndexedType> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** The type, or 404 when the store does not keep it. */
    public IndexedType require(String name) {
        IndexedType type = types.get(name);
        if (type == null) {
            throw FhirProblem.notFound("This server does not store resources of type " + clip(name));
        }
        return type;
    }

    static String clip(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }
}
