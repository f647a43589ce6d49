package org.vigil.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.knowledge.risk.RiskThreshold;
import org.vigil.lab.LabResult;
import org.vigil.rules.Finding;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.Patient;
import org.vigil.rules.Remedy;
import org.vigil.rules.Urgency;

/**
 * RSK-001: qSOFA (Sepsis-3) reaches 2 from the latest respiratory rate, systolic blood pressure and
 * Glasgow coma score in the window.
 *
 * <p>Only recorded values are scored. A criterion without a recent value is named on the card as
 * not recorded; missing values alone never raise the flag: an unmeasured patient (an outpatient
 * whose vitals were not taken) is not evidence of sepsis, and flagging every chart without a full
 * set of vitals would train clinicians to ignore the card. When the recorded criteria reach 2, the
 * card says which criteria were not recorded and that the score could be higher.
 *
 * <p>Urgency: a warning, not interruptive. qSOFA is a prompt to consider sepsis in a patient with
 * infection, not a diagnosis (most qSOFA-positive patients turn out not to have sepsis), and a chart
 * being opened has no order to override. NEWS2 (RSK-002) raises a critical, interruptive card when
 * the same vital signs call for an emergency response.
 */
public record SepsisFinding(
        MedicationRef order, List<RiskFlags.ScoredParameter> criteria, RiskThreshold threshold, Patient patient)
        implements Finding {

    public static final String RULE_ID = "RSK-001";
    public static final String SCORE = "qsofa";

    public SepsisFinding {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(threshold, "threshold");
        criteria = List.copyOf(criteria);
    }

    /** The finding when the recorded criteria reach the threshold, as a list the rule can iterate. */
    public static List<SepsisFinding> assess(KnowledgeSnapshot knowledge, Patient patient, List<LabResult> results) {
        if (patient == null || patient.asOf() == null) {
            return List.of();
        }
        RiskThreshold threshold = knowledge.risk().threshold(SCORE, "positive").orElse(null);
        if (threshold == null) {
            return List.of();
        }
        List<RiskFlags.ScoredParameter> criteria = RiskFlags.score(knowledge.risk(), SCORE, patient, results);
        int score =
                criteria.stream().mapToInt(RiskFlags.ScoredParameter::points).sum();
        if (criteria.isEmpty() || !threshold.reachedBy(score)) {
            return List.of();
        }
        return List.of(new SepsisFinding(RiskFlags.patientRef(patient), criteria, threshold, patient));
    }

    public int score() {
        return criteria.stream().mapToInt(RiskFlags.ScoredParameter::points).sum();
    }

    private List<RiskFlags.ScoredParameter> missing() {
        return criteria.stream().filter(RiskFlags.ScoredParameter::missing).toList();
    }

    @Override
    public String ruleId() {
        return RULE_ID;
    }

    @Override
    public String title() {
        return "sepsis risk (qSOFA >= 2)";
    }

    @Override
    public String check() {
        return "risk";
    }

    @Override
    public Urgency urgency() {
        return Urgency.WARNING;
    }

    @Override
    public boolean interruptive() {
        return false;
    }

    @Override
    public Citation citation() {
        return threshold.citation();
    }

    @Override
    public String problemKey() {
        return RULE_ID + '|' + order.reference();
    }

    @Override
    public String summary() {
        List<String> met = new ArrayList<>();
        for (RiskFlags.ScoredParameter criterion : criteria) {
            if (criterion.points() > 0) {
                met.add(
                        criterion.first().parameter().equals("altered_mentation")
                                ? RiskFlags.reading(criterion.result())
                                : shortName(criterion) + " " + RiskFlags.reading(criterion.result()));
            }
        }
        String full = "qSOFA " + score() + " of " + criteria.size() + " (" + String.join(", ", met)
                + "): consider sepsis if infection is suspected";
        return full.length() < 140 ? full : "qSOFA " + score() + " of " + criteria.size() + ": consider sepsis";
    }

    private static String shortName(RiskFlags.ScoredParameter criterion) {
        return switch (criterion.first().parameter()) {
            case "respiratory_rate" -> "RR";
            case "systolic_bp" -> "SBP";
            default -> criterion.name();
        };
    }

    @Override
    public String detail() {
        StringBuilder detail = new StringBuilder();
        detail.append("**qSOFA ")
                .append(score())
                .append(" of ")
                .append(criteria.size())
                .append("** from the latest values since ")
                .append(RiskFlags.windowStart(patient))
                .append(" (")
                .append(threshold.limit())
                .append(" or more is positive):\n");
        for (RiskFlags.ScoredParameter criterion : criteria) {
            detail.append("\n- **")
                    .append(criterion.name())
                    .append("** (")
                    .append(criterion.first().range().describe())
                    .append("): ");
            if (criterion.missing()) {
                detail.append(RiskFlags.missing(criterion, patient));
            } else {
                detail.append(RiskFlags.readingAndDate(criterion.result()))
                        .append(criterion.points() > 0 ? ", **met**" : ", not met");
            }
        }
        List<RiskFlags.ScoredParameter> missing = missing();
        if (!missing.isEmpty()) {
            detail.append("\n\nNot every criterion was recorded: the score is at least ")
                    .append(score())
                    .append(" and could be ")
                    .append(score() + missing.size())
                    .append(". Record the missing vital signs.");
        }
        detail.append("\n\n**Advice:** ")
                .append(capitalize(threshold.meaning()))
                .append('.');
        detail.append(
                " qSOFA is not a diagnosis of sepsis; it flags patients with infection at risk of a poor outcome.");
        return detail.toString();
    }

    @Override
    public List<Remedy> remedies() {
        return List.of();
    }

    static String capitalize(String text) {
        return text == null || text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
