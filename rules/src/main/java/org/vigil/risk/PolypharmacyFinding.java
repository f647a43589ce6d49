package org.vigil.risk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.knowledge.risk.RiskThreshold;
import org.vigil.rules.ActiveMedication;
import org.vigil.rules.Finding;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.Patient;
import org.vigil.rules.Remedy;
import org.vigil.rules.Urgency;

/**
 * RSK-004: an older adult (65 or more) with ten or more active medications (hyperpolypharmacy):
 * information that a structured medication review is worthwhile. Not interruptive and no
 * suggestion: nothing is wrong with any one order, and what to stop is a clinical judgement. A
 * patient whose birth date is not recorded is not flagged.
 */
public record PolypharmacyFinding(
        MedicationRef order, int age, List<MedicationRef> medications, RiskThreshold count, RiskThreshold minAge)
        implements Finding {

    public static final String RULE_ID = "RSK-004";
    public static final String SCORE = "polypharmacy";

    public PolypharmacyFinding {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(count, "count");
        Objects.requireNonNull(minAge, "minAge");
        medications = List.copyOf(medications);
    }

    public static List<PolypharmacyFinding> assess(
            KnowledgeSnapshot knowledge, Patient patient, List<ActiveMedication> actives) {
        RiskThreshold minAge = knowledge.risk().threshold(SCORE, "age").orElse(null);
        RiskThreshold count = knowledge.risk().threshold(SCORE, "medications").orElse(null);
        if (patient == null || minAge == null || count == null) {
            return List.of();
        }
        int age = patient.ageInYears();
        if (age < 0 || !minAge.reachedBy(age)) {
            return List.of();
        }
        Map<String, MedicationRef> distinct = new LinkedHashMap<>();
        for (ActiveMedication active : actives) {
            distinct.putIfAbsent(active.reference(), active.ref());
        }
        if (!count.reachedBy(distinct.size())) {
            return List.of();
        }
        return List.of(new PolypharmacyFinding(
                RiskFlags.patientRef(patient), age, List.copyOf(distinct.values()), count, minAge));
    }

    @Override
    public String ruleId() {
        return RULE_ID;
    }

    @Override
    public String title() {
        return "older-adult polypharmacy";
    }

    @Override
    public String check() {
        return "risk";
    }

    @Override
    public Urgency urgency() {
        return Urgency.INFO;
    }

    @Override
    public boolean interruptive() {
        return false;
    }

    @Override
    public Citation citation() {
        return count.citation();
    }

    @Override
    public String problemKey() {
        return RULE_ID + '|' + order.reference();
    }

    @Override
    public String summary() {
        return "Polypharmacy: " + medications.size() + " active medications at age " + age
                + "; consider a structured medication review";
    }

    @Override
    public String detail() {
        StringBuilder detail = new StringBuilder();
        detail.append("**")
                .append(medications.size())
                .append(" active medications** at age ")
                .append(age)
                .append(" (flagged at ")
                .append(count.limit())
                .append(" or more from age ")
                .append(minAge.limit())
                .append("):\n");
        for (MedicationRef medication : medications) {
            detail.append("\n- ").append(medication.display());
        }
        detail.append("\n\n**Advice:** ")
                .append(SepsisFinding.capitalize(count.meaning()))
                .append(": the risk of adverse drug events, interactions and falls rises with the number of"
                        + " medicines. Check each one for a current indication, and ask what the patient"
                        + " actually takes.");
        return detail.toString();
    }

    @Override
    public List<Remedy> remedies() {
        return List.of();
    }
}
