package org.vigil.opioid;

import static org.vigil.rules.Facts.byCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.vigil.rules.ActiveMedication;
import org.vigil.rules.Dosage;
import org.vigil.rules.DraftOrder;
import org.vigil.rules.Patient;
import org.vigil.rules.PatientContext;

/** Opioid orders with their dosage, as the service's normalizer would build them. */
final class OpioidFacts {

    static final String MORPHINE_15_TABLET = "892582";
    static final String HYDROCODONE_10_APAP_TABLET = "856999";
    static final String TRAMADOL_50_TABLET = "835603";
    static final String FENTANYL_25_PATCH = "245134";
    static final String FENTANYL_50_PATCH = "245135";
    static final String BUPRENORPHINE_2_SL_TABLET = "351264";
    static final String BUPRENORPHINE_NALOXONE_SL_TABLET = "351266";
    static final String LORAZEPAM_1_TABLET = "197901";
    static final String DIAZEPAM = "3322";
    static final String IBUPROFEN_400_TABLET = "197805";
    static final String NALOXONE = "7242";

    private OpioidFacts() {}

    static Dosage oral(double dose, String unit, double perDay) {
        return new Dosage(BigDecimal.valueOf(dose), unit, perDay, 1, "oral", "oral", perDay + " times a day", false);
    }

    static Dosage patches(double count) {
        return new Dosage(
                BigDecimal.valueOf(count), "patch", 1, 3, "transdermal", "transdermal", "every 72 hours", false);
    }

    static DraftOrder draft(String id, String rxcui, Dosage dosage) {
        return draft(id, rxcui, dosage, 0);
    }

    static DraftOrder draft(String id, String rxcui, Dosage dosage, int sequence) {
        return new DraftOrder("MedicationRequest/" + id, id, byCode(rxcui), sequence, true, null, dosage);
    }

    static DraftOrder renewal(String id, String rxcui, Dosage dosage, String renewed) {
        return new DraftOrder(
                "MedicationRequest/" + id, id, byCode(rxcui), 0, true, "MedicationRequest/" + renewed, dosage);
    }

    static ActiveMedication active(String id, String rxcui, Dosage dosage) {
        return new ActiveMedication("MedicationRequest/" + id, id, byCode(rxcui), dosage);
    }

    static PatientContext context(List<DraftOrder> drafts, List<ActiveMedication> active) {
        return new PatientContext(
                new Patient("Patient/p1", LocalDate.of(1960, 3, 1), "female", LocalDate.of(2026, 11, 22)),
                drafts,
                active,
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }
}
