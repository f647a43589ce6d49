package org.vigil.benchmarks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * A synthetic inpatient chart of {@value #SIZE} FHIR R4 resources for the CQL benchmark, the same on
 * every run (fixed seed, times relative to {@link #AS_OF}): one patient, {@value #CONDITIONS}
 * conditions, {@value #MEDICATION_REQUESTS} medication requests and observations — vital signs every 4
 * hours for 10 days (systolic pressure alternately alone and in an 85354-9 panel) and laboratory
 * results every 8 hours — with some preliminary results and some dated by a period. Also the value
 * sets {@code VigilBench.cql} names. Synthetic data, not a real patient.
 */
public final class SyntheticChart {

    public static final int SIZE = 500;
    static final int CONDITIONS = 20;
    static final int MEDICATION_REQUESTS = 30;

    /** The evaluation time: the chart's latest readings are shortly before it. */
    public static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");

    public static final String PATIENT_ID = "bench-patient";

    static final String LOINC = "http://loinc.org";
    static final String SNOMED = "http://snomed.info/sct";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String VALUE_SETS = "http://vigil.invalid/fhir/ValueSet/";

    private static final String[][] VITALS = {
        {"9279-1", "Respiratory rate", "/min", "12", "26"},
        {"8867-4", "Heart rate", "/min", "60", "135"},
        {"8310-5", "Body temperature", "Cel", "36.0", "39.5"},
        {"59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "%", "88", "100"},
    };
    private static final String[][] LABS = {
        {"2524-7", "Lactate [Moles/volume] in Serum or Plasma", "mmol/L", "0.5", "3.5"},
        {"2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", "0.6", "2.4"},
        {"2823-3", "Potassium [Moles/volume] in Serum or Plasma", "mmol/L", "3.2", "6.4"},
        {"2951-2", "Sodium [Moles/volume] in Serum or Plasma", "mmol/L", "128", "148"},
        {"718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL", "8", "16"},
    };
    private static final String[][] CONDITION_CODES = {
        {"44054006", "Diabetes mellitus type 2"},
        {"46635009", "Diabetes mellitus type 1"},
        {"709044004", "Chronic kidney disease"},
        {"38341003", "Hypertensive disorder"},
        {"195967001", "Asthma"},
        {"13645005", "Chronic obstructive lung disease"},
        {"49436004", "Atrial fibrillation"},
        {"55822004", "Hyperlipidemia"},
        {"396275006", "Osteoarthritis"},
        {"35489007", "Depressive disorder"},
    };
    private static final String[][] MEDICATIONS = {
        {"11289", "warfarin"},
        {"1364430", "apixaban"},
        {"1114195", "rivaroxaban"},
        {"67108", "enoxaparin"},
        {"6809", "metformin"},
        {"29046", "lisinopril"},
        {"83367", "atorvastatin"},
        {"17767", "amlodipine"},
        {"7646", "omeprazole"},
        {"10582", "levothyroxine"},
    };

    private SyntheticChart() {}

    /** The chart: exactly {@value #SIZE} resources, the Patient first. */
    public static List<Resource> resources() {
        Random random = new Random(20261122L);
        List<Resource> out = new ArrayList<>(SIZE);
        Patient patient = new Patient();
        patient.setId(PATIENT_ID);
        patient.addName().setFamily("Synthetic").addGiven("Bench");
        out.add(patient);
        for (int i = 0; i < CONDITIONS; i++) {
            String[] code = CONDITION_CODES[i % CONDITION_CODES.length];
            Condition condition = new Condition();
            condition.setId("condition-" + i);
            condition.setSubject(subject());
            condition.setCode(concept(SNOMED, code[0], code[1]));
            condition.setClinicalStatus(concept(
                    "http://terminology.hl7.org/CodeSystem/condition-clinical", i < 12 ? "active" : "resolved", null));
            out.add(condition);
        }
        for (int i = 0; i < MEDICATION_REQUESTS; i++) {
            String[] medication = MEDICATIONS[i % MEDICATIONS.length];
            MedicationRequest request = new MedicationRequest();
            request.setId("medication-request-" + i);
            request.setSubject(subject());
            request.setStatus(
                    i < 10
                            ? MedicationRequest.MedicationRequestStatus.ACTIVE
                            : MedicationRequest.MedicationRequestStatus.COMPLETED);
            request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
            request.setMedication(concept(RXNORM, medication[0], medication[1]));
            request.setAuthoredOnElement(new DateTimeType(Date.from(AS_OF.minus(Duration.ofDays(i)))));
            out.add(request);
        }
        int observation = 0;
        int vitalsTimes = 60;
        for (int t = 0; t < vitalsTimes; t++) {
            Instant at = AS_OF.minus(Duration.ofHours(4L * t)).minus(Duration.ofMinutes(7));
            for (String[] vital : VITALS) {
                out.add(reading(observation++, vital, at, random));
            }
            if (t % 2 == 0) {
                out.add(pressurePanel(observation++, at, random));
            } else {
                out.add(reading(
                        observation++,
                        new String[] {"8480-6", "Systolic blood pressure", "mm[Hg]", "85", "160"},
                        at,
                        random));
            }
        }
        for (int t = 0; out.size() < SIZE; t++) {
            Instant at = AS_OF.minus(Duration.ofHours(8L * t)).minus(Duration.ofMinutes(30));
            for (String[] lab : LABS) {
                if (out.size() < SIZE) {
                    out.add(reading(observation++, lab, at, random));
                }
            }
        }
        return out;
    }

    /** The value sets the benchmark library names, with their expansions. */
    public static List<ValueSet> valueSets() {
        return List.of(
                valueSet("bench-lactate", LOINC, "2524-7", "Lactate [Moles/volume] in Serum or Plasma"),
                valueSet("bench-creatinine", LOINC, "2160-0", "Creatinine [Mass/volume] in Serum or Plasma"),
                valueSet("bench-potassium", LOINC, "2823-3", "Potassium [Moles/volume] in Serum or Plasma"),
                valueSet(
                        "bench-diabetes",
                        SNOMED,
                        "44054006",
                        "Diabetes mellitus type 2",
                        "46635009",
                        "Diabetes mellitus type 1"),
                valueSet("bench-ckd", SNOMED, "709044004", "Chronic kidney disease"),
                valueSet(
                        "bench-anticoagulants",
                        RXNORM,
                        "11289",
                        "warfarin",
                        "1364430",
                        "apixaban",
                        "1114195",
                        "rivaroxaban",
                        "67108",
                        "enoxaparin"));
    }

    private static ValueSet valueSet(String id, String system, String... codesAndDisplays) {
        ValueSet vs = new ValueSet();
        vs.setId(id);
        vs.setUrl(VALUE_SETS + id);
        vs.setName(id.replace('-', '_'));
        vs.setStatus(PublicationStatus.ACTIVE);
        vs.getExpansion().setTimestamp(Date.from(AS_OF));
        for (int i = 0; i < codesAndDisplays.length; i += 2) {
            vs.getExpansion()
                    .addContains()
                    .setSystem(system)
                    .setCode(codesAndDisplays[i])
                    .setDisplay(codesAndDisplays[i + 1]);
        }
        return vs;
    }

    private static Observation reading(int n, String[] kind, Instant at, Random random) {
        Observation o = observation(n, at);
        o.setCode(concept(LOINC, kind[0], kind[1]));
        o.setValue(quantity(value(kind, random), kind[2]));
        return o;
    }

    private static Observation pressurePanel(int n, Instant at, Random random) {
        Observation o = observation(n, at);
        o.setCode(concept(LOINC, "85354-9", "Blood pressure panel with all children optional"));
        o.addComponent()
                .setCode(concept(LOINC, "8480-6", "Systolic blood pressure"))
                .setValue(quantity(value(new String[] {"", "", "", "85", "160"}, random), "mm[Hg]"));
        o.addComponent()
                .setCode(concept(LOINC, "8462-4", "Diastolic blood pressure"))
                .setValue(quantity(value(new String[] {"", "", "", "45", "95"}, random), "mm[Hg]"));
        return o;
    }

    /** Every tenth observation is preliminary; every seventh is dated by a period rather than a date-time. */
    private static Observation observation(int n, Instant at) {
        Observation o = new Observation();
        o.setId("observation-" + n);
        o.setSubject(subject());
        o.setStatus(n % 10 == 9 ? Observation.ObservationStatus.PRELIMINARY : Observation.ObservationStatus.FINAL);
        if (n % 7 == 6) {
            o.setEffective(new Period()
                    .setStartElement(new DateTimeType(Date.from(at.minus(Duration.ofMinutes(5)))))
                    .setEndElement(new DateTimeType(Date.from(at))));
        } else {
            o.setEffective(new DateTimeType(Date.from(at)));
        }
        return o;
    }

    private static BigDecimal value(String[] kind, Random random) {
        double low = Double.parseDouble(kind[3]);
        double high = Double.parseDouble(kind[4]);
        return BigDecimal.valueOf(low + random.nextDouble() * (high - low)).setScale(1, RoundingMode.HALF_UP);
    }

    private static Quantity quantity(BigDecimal value, String unit) {
        return new Quantity()
                .setValue(value)
                .setUnit(unit)
                .setSystem("http://unitsofmeasure.org")
                .setCode(unit);
    }

    private static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display));
    }

    private static Reference subject() {
        return new Reference("Patient/" + PATIENT_ID);
    }
}
