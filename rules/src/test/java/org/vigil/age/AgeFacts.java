package org.vigil.age;

import java.time.LocalDate;
import java.util.List;
import org.vigil.rules.ActiveMedication;
import org.vigil.rules.DraftOrder;
import org.vigil.rules.Patient;
import org.vigil.rules.PatientContext;

/** Patients of a given age and their contexts for the age rule tests. */
final class AgeFacts {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    static final String CODEINE = "2670";
    static final String TRAMADOL = "10689";
    static final String ASPIRIN = "1191";
    static final String GLYBURIDE = "4815";
    static final String DIPHENHYDRAMINE = "3498";
    static final String DIAZEPAM = "3322";
    static final String AMOXICILLIN = "723";
    /** Aspirin 325 MG / Codeine Phosphate 30 MG Oral Tablet. */
    static final String ASPIRIN_CODEINE = "996991";

    private AgeFacts() {}

    /** A patient who turned {@code years} old three months ago. */
    static Patient aged(int years) {
        return new Patient("Patient/p", TODAY.minusYears(years).minusMonths(3), "male", TODAY);
    }

    /** A patient who has their {@code years}th birthday today. */
    static Patient birthdayToday(int years) {
        return new Patient("Patient/p", TODAY.minusYears(years), "male", TODAY);
    }

    static Patient unknownAge() {
        return new Patient("Patient/p", null, "male", TODAY);
    }

    static PatientContext context(Patient patient, List<DraftOrder> drafts, List<ActiveMedication> active) {
        return new PatientContext(patient, drafts, active, List.of(), List.of(), List.of(), List.of());
    }
}
