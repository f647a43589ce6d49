package org.vigil.renal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.vigil.lab.LabResult;
import org.vigil.rules.DraftOrder;
import org.vigil.rules.Patient;
import org.vigil.rules.PatientContext;

/** A patient with kidney-function results, as the service's normalizer would build them. */
final class RenalFacts {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final Instant TODAY_START = Instant.parse("2026-11-22T00:00:00Z");

    static final String METFORMIN = "6809";
    static final String NITROFURANTOIN = "7454";
    static final String DABIGATRAN = "1037042";
    static final String GABAPENTIN = "25480";
    static final String IBUPROFEN = "5640";
    static final String AMOXICILLIN = "723";

    private RenalFacts() {}

    static Instant daysAgo(int days) {
        return TODAY_START.minus(days, ChronoUnit.DAYS).plus(8, ChronoUnit.HOURS);
    }

    static LabResult egfr(double value, Instant effective) {
        return new LabResult(
                "Observation/egfr", "egfr", "98979-8", value, "mL/min/{1.73_m2}", effective, Double.NaN, null);
    }

    static LabResult crcl(double value, Instant effective) {
        return new LabResult(
                "Observation/crcl", "creatinine_clearance", "2164-2", value, "mL/min", effective, Double.NaN, null);
    }

    static PatientContext context(List<DraftOrder> drafts, LabResult... results) {
        return new PatientContext(
                new Patient("Patient/p1", LocalDate.of(1975, 3, 1), "female", TODAY),
                drafts,
                List.of(),
                List.of(),
                List.of(),
                List.of(results),
                List.of());
    }
}
