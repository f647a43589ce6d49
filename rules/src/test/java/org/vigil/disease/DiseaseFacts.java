package org.vigil.disease;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.vigil.rules.ActiveMedication;
import org.vigil.rules.DraftOrder;
import org.vigil.rules.Facts;
import org.vigil.rules.Patient;
import org.vigil.rules.PatientContext;

/** Conditions and contexts for the drug-disease rule tests, as the service's normalizer builds them. */
final class DiseaseFacts {

    static final String IBUPROFEN = "5640";
    static final String NAPROXEN = "7258";
    static final String LISINOPRIL = "29046";
    static final String PROPRANOLOL = "8787";
    static final String METOCLOPRAMIDE = "6915";
    static final String METOPROLOL = "6918";
    static final String AMOXICILLIN = "723";

    static final String HEART_FAILURE = "heart-failure";
    static final String ASTHMA = "asthma";
    static final String PREGNANCY = "pregnancy";
    static final String PARKINSON = "parkinson-disease";
    static final String BRADYCARDIA = "bradycardia";

    /** A 54-year-old: no age criterion applies. */
    static final Patient ADULT =
            new Patient("Patient/p1", LocalDate.of(1972, 5, 14), "female", LocalDate.of(2026, 11, 22));

    private DiseaseFacts() {}

    static PatientCondition condition(String id, String display, String code, String... groups) {
        return new PatientCondition("Condition/" + id, display, Set.of(groups), true, false, code);
    }

    static PatientCondition resolved(String id, String display, String... groups) {
        return new PatientCondition("Condition/" + id, display, Set.of(groups), false, false);
    }

    static PatientCondition refuted(String id, String display, String... groups) {
        return new PatientCondition("Condition/" + id, display, Set.of(groups), true, true);
    }

    static DraftOrder draft(String id, String rxcui) {
        return Facts.draft(id, rxcui, 0);
    }

    static PatientContext context(
            List<DraftOrder> drafts, List<ActiveMedication> active, List<PatientCondition> conditions) {
        return new PatientContext(ADULT, drafts, active, List.of(), conditions, List.of(), List.of());
    }
}
