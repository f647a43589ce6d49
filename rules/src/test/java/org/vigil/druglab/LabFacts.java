package org.vigil.druglab;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.vigil.lab.LabResult;
import org.vigil.rules.DraftOrder;
import org.vigil.rules.Patient;
import org.vigil.rules.PatientContext;

/** A patient with lab results in canonical units, as the service's normalizer would build them. */
final class LabFacts {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final Instant TODAY_START = Instant.parse("2026-11-22T00:00:00Z");

    static final String WARFARIN = "11289";
    static final String DIGOXIN = "3407";
    static final String HEPARIN = "5224";
    static final String ENOXAPARIN = "67108";
    static final String EPLERENONE = "298869";
    static final String AMOXICILLIN = "723";

    private LabFacts() {}

    static Instant daysAgo(int days) {
        return TODAY_START.minus(days, ChronoUnit.DAYS).plus(8, ChronoUnit.HOURS);
    }

    static LabResult result(String analyte, String loinc, double value, String unit, Instant effective) {
        return new LabResult("Observation/" + analyte, analyte, loinc, value, unit, effective, Double.NaN, null);
    }

    static LabResult inr(double value, Instant effective) {
        return result("inr", "6301-6", value, "{INR}", effective);
    }

    static LabResult potassium(double value, Instant effective) {
        return result("potassium", "2823-3", value, "mmol/L", effective);
    }

    static LabResult platelets(double value, Instant effective) {
        return result("platelets", "777-3", value, "10*9/L", effective);
    }

    static PatientContext context(List<DraftOrder> drafts, LabResult... results) {
        return new PatientContext(
                new Patient("Patient/p1", LocalDate.of(1972, 6, 1), "male", TODAY),
                drafts,
                List.of(),
                List.of(),
                List.of(),
                List.of(results),
                List.of());
    }
}
