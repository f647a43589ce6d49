package org.vigil.cql;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.opencds.cqf.cql.engine.fhir.model.R4FhirModelResolver;
import org.opencds.cqf.cql.engine.runtime.DateTime;

/** Property reads through the reader give what the engine's own FHIR R4 resolver gives. */
class FhirPropertyReaderTest {

    private static final R4FhirModelResolver MODEL = new R4FhirModelResolver();
    private static final FhirPropertyReader READER = new FhirPropertyReader(MODEL);

    private static final List<String> PATHS = List.of(
            "id",
            "status",
            "code",
            "coding",
            "system",
            "code",
            "display",
            "value",
            "valueQuantity",
            "valueString",
            "effective",
            "effectiveDateTime",
            "effectivePeriod",
            "start",
            "end",
            "unit",
            "component",
            "subject",
            "reference",
            "category",
            "clinicalStatus",
            "medication",
            "extension",
            "url",
            "gender",
            "birthDate",
            "Observation",
            "Patient",
            "noSuchProperty",
            "code.coding",
            "value.value");

    @Test
    void readsEveryPropertyAsTheEngineResolverDoes() {
        for (Base target : targets()) {
            for (String path : PATHS) {
                // Twice: the first read finds the property, the second uses what was found.
                for (int pass = 0; pass < 2; pass++) {
                    assertThat(outcome(() -> READER.resolvePath(target, path)))
                            .as("%s.%s (pass %d)", target.fhirType(), path, pass)
                            .isEqualTo(outcome(() -> MODEL.resolvePath(target, path)));
                }
            }
        }
    }

    @Test
    void aChoiceReadAsAnotherTypeIsNull() {
        Observation byPeriod =
                new Observation().setEffective(new Period().setStartElement(new DateTimeType("2026-03-01T08:00:00Z")));

        assertThat(READER.resolvePath(byPeriod, "effectiveDateTime")).isNull();
        assertThat(READER.resolvePath(byPeriod, "effectivePeriod")).isInstanceOf(Period.class);
        assertThat(READER.resolvePath(byPeriod, "effective")).isInstanceOf(Period.class);
    }

    @Test
    void primitiveValuesBecomeCqlValues() {
        assertThat(READER.resolvePath(new DateTimeType("2026-03-01T08:00:00Z"), "value"))
                .isInstanceOf(DateTime.class);
        assertThat(READER.resolvePath(new DecimalType("21.5"), "value")).isEqualTo(new BigDecimal("21.5"));
        assertThat(READER.resolvePath(new StringType(), "value")).isNull();
        assertThat(READER.resolvePath(new Observation().setStatus(Observation.ObservationStatus.FINAL), "status"))
                .isInstanceOf(org.hl7.fhir.r4.model.Enumeration.class);
    }

    private static List<Base> targets() {
        Observation full = new Observation();
        full.setId(new IdType("Observation", "obs-1"));
        full.setStatus(Observation.ObservationStatus.FINAL);
        full.setCode(
                new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding("http://loinc.org", "9279-1", "RR")));
        full.addCategory(new CodeableConcept().setText("vital-signs"));
        full.setValue(new Quantity().setValue(22).setUnit("/min"));
        full.setEffective(new DateTimeType("2026-03-01T08:00:00Z"));
        full.setSubject(new Reference("Patient/p1"));
        full.addComponent().setCode(new CodeableConcept().setText("part")).setValue(new StringType("x"));

        Observation empty = new Observation();
        Observation emptyPrimitives = new Observation();
        emptyPrimitives.setStatusElement(
                new org.hl7.fhir.r4.model.Enumeration<>(new Observation.ObservationStatusEnumFactory()));
        emptyPrimitives.setValue(new StringType());
        emptyPrimitives.setEffective(new Period().setEndElement(new DateTimeType("2026-03-01")));

        Patient patient = new Patient().setGender(AdministrativeGender.FEMALE);
        patient.setId("p1");
        patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1950-02-03"));

        StringType withExtension = new StringType("text");
        withExtension.addExtension(new Extension("http://vigil.invalid/ext", new StringType("e")));

        MedicationRequest request = new MedicationRequest()
                .setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE)
                .setMedication(new CodeableConcept().setText("warfarin"));

        List<Base> targets = new ArrayList<>(List.of(full, empty, emptyPrimitives, patient, request, withExtension));
        targets.add(full.getCode());
        targets.add(full.getCode().getCodingFirstRep());
        targets.add(full.getValue());
        targets.add(full.getEffective());
        targets.add(full.getStatusElement());
        targets.add(emptyPrimitives.getEffective());
        targets.add(new Quantity());
        targets.add(full.getComponentFirstRep());
        targets.add(new Bundle());
        return targets;
    }

    /** What a read gives, or the kind of error it fails with. */
    private static Object outcome(Supplier<Object> read) {
        try {
            return comparable(read.get());
        } catch (RuntimeException e) {
            return "fails with " + e.getClass().getName();
        }
    }

    /** Values compared by content: CQL runtime values by their text, lists element by element. */
    private static Object comparable(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(FhirPropertyReaderTest::comparable).toList();
        }
        if (value instanceof DateTime || value instanceof org.opencds.cqf.cql.engine.runtime.Date) {
            return value.toString();
        }
        return value;
    }
}
