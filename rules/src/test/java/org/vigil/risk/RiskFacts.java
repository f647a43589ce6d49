package org.vigil.risk;

import static org.vigil.rules.Facts.byCode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.vigil.lab.LabResult;
import org.vigil.rules.ActiveMedication;
import org.vigil.rules.Dosage;
import org.vigil.rules.Patient;
import org.vigil.rules.PatientContext;

/** A patient with vital signs and active medications, as the service's normalizer would build them. */
final class RiskFacts {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    static final String MORPHINE_15_TABLET = "892582";
    static final String HYDROCODONE_10_APAP_TABLET = "856999";
    static final String LORAZEPAM_1_TABLET = "197901";
    static final String NALOXONE = "7242";

    private RiskFacts() {}

    static Instant hoursAgo(int hours) {
        return NOW.minus(hours, ChronoUnit.HOURS);
    }

    static LabResult vital(String analyte, String loinc, double value, String unit, Instant effective) {
        return new LabResult("Observation/" + analyte, analyte, loinc, value, unit, effective, Double.NaN, null);
    }

    static LabResult rr(double value, Instant when) {
        return vital("respiratory_rate", "9279-1", value, "/min", when);
    }

    static LabResult sbp(double value, Instant when) {
        return vital("systolic_bp", "8480-6", value, "mm[Hg]", when);
    }

    static LabResult gcs(double value, Instant when) {
        return vital("gcs_total", "9269-2", value, "{score}", when);
    }

    static LabResult hr(double value, Instant when) {
        return vital("heart_rate", "8867-4", value, "/min", when);
    }

    static LabResult spo2(double value, Instant when) {
        return vital("spo2", "59408-5", value, "%", when);
    }

    static LabResult temp(double value, Instant when) {
        return vital("body_temperature", "8310-5", value, "Cel", when);
    }

    static Dosage oral(double dose, String unit, double perDay) {
        return new Dosage(BigDecimal.valueOf(dose), unit, perDay, 1, "oral", "oral", perDay + " times a day", false);
    }

    static ActiveMedication active(String id, String rxcui, Dosage dosage) {
        return new ActiveMedication("MedicationRequest/" + id, id, byCode(rxcui), dosage);
    }

    static ActiveMedication active(String id, String rxcui) {
        return active(id, rxcui, Dosage.UNSTATED);
    }

    static PatientContext context(LocalDate birthDate, List<ActiveMedication> actives, LabResult... results) {
        return new PatientContext(
                new Patient("Patient/p1", birthDate, "female", TODAY),
                List.of(),
                actives,
                List.of(),
                List.of(),
                List.of(results),
                List.of());
    }

    static PatientContext vitals(LabResult... results) {
        return context(LocalDate.of(1970, 5, 1), List.of(), results);
    }
}
