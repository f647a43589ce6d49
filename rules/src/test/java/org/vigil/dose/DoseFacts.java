package org.vigil.dose;

import static org.vigil.rules.Facts.byCode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.vigil.lab.LabResult;
import org.vigil.rules.ActiveMedication;
import org.vigil.rules.Dosage;
import org.vigil.rules.DraftOrder;
import org.vigil.rules.Patient;
import org.vigil.rules.PatientContext;

/** Dosed orders and patients of a given age, as the service's normalizer would build them. */
final class DoseFacts {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final Instant TODAY_START = Instant.parse("2026-11-22T00:00:00Z");

    static final String ACETAMINOPHEN = "161";
    static final String HYDROCODONE_APAP_325 = "856999";
    static final String IBUPROFEN = "5640";
    static final String IBUPROFEN_800_TABLET = "197807";
    static final String METHOTREXATE = "6851";
    static final String TRAMADOL = "10689";
    static final String SIMVASTATIN = "36567";

    private DoseFacts() {}

    /** {@code amount unit}, {@code perDay} times a day every {@code daysApart} days, by {@code route}. */
    static Dosage dosage(String amount, String unit, double perDay, double daysApart, String route) {
        return new Dosage(
                new BigDecimal(amount),
                unit,
                perDay,
                daysApart,
                route,
                route,
                perDay + " times a day every " + daysApart + " days",
                false);
    }

    static Dosage oral(String amount, String unit, double perDay) {
        return dosage(amount, unit, perDay, 1, "oral");
    }

    static Dosage intravenous(String amount, String unit, double perDay) {
        return dosage(amount, unit, perDay, 1, "intravenous");
    }

    static DraftOrder draft(String id, String rxcui, Dosage dosage) {
        return new DraftOrder("MedicationRequest/" + id, id, byCode(rxcui), 0, true, null, dosage);
    }

    static DraftOrder renewal(String id, String rxcui, Dosage dosage, String renews) {
        return new DraftOrder(
                "MedicationRequest/" + id, id, byCode(rxcui), 0, true, "MedicationRequest/" + renews, dosage);
    }

    static DraftOrder unchecked(String id, String rxcui, Dosage dosage) {
        return new DraftOrder("MedicationRequest/" + id, id, byCode(rxcui), 1, false, null, dosage);
    }

    static ActiveMedication active(String id, String rxcui, Dosage dosage) {
        return new ActiveMedication("MedicationRequest/" + id, id, byCode(rxcui), dosage);
    }

    static LabResult weight(double kg, int daysAgo) {
        return new LabResult(
                "Observation/weight",
                "body_weight",
                "29463-7",
                kg,
                "kg",
                TODAY_START.minus(daysAgo, ChronoUnit.DAYS).plus(8, ChronoUnit.HOURS),
                Double.NaN,
                null);
    }

    static Patient aged(int years) {
        return new Patient("Patient/p1", TODAY.minusYears(years).minusDays(10), "female", TODAY);
    }

    static Patient unknownAge() {
        return new Patient("Patient/p1", null, null, TODAY);
    }

    static PatientContext context(Patient patient, List<?> facts) {
        List<DraftOrder> drafts = new ArrayList<>();
        List<ActiveMedication> active = new ArrayList<>();
        List<LabResult> results = new ArrayList<>();
        for (Object fact : facts) {
            if (fact instanceof DraftOrder draft) {
                drafts.add(draft);
            } else if (fact instanceof ActiveMedication medication) {
                active.add(medication);
            } else if (fact instanceof LabResult result) {
                results.add(result);
            } else {
                throw new IllegalArgumentException("not a dose fact: " + fact);
            }
        }
        return new PatientContext(patient, drafts, active, List.of(), List.of(), results, List.of());
    }
}
