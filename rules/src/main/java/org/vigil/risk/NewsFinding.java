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
 * RSK-002: clinical deterioration by the Royal College of Physicians NEWS2, aggregated from the
 * latest vital signs in the window.
 *
 * <p>Levels (risk-thresholds.tsv): 7 or more calls for an emergency response (critical,
 * interruptive: the RCP asks for assessment by a critical-care team without delay); 5 or 6 for an
 * urgent response (warning); a single parameter scoring 3 for an urgent ward-based response
 * (warning). Below those, no card.
 *
 * <p>What is not recorded is not scored: a parameter without a recent result is named on the card,
 * and so is supplemental oxygen, which no observation in the lab catalog records. The score is then
 * partial, a lower bound, and the card says how high the missing parameters could take it. Missing
 * parameters alone never raise the flag (an unmeasured patient is not a deteriorating one). SpO2 is
 * scored on scale 1; scale 2 (hypercapnic respiratory failure) is not applied.
 *
 * @param level the highest level reached: {@code emergency}, {@code urgent} or {@code single-parameter}
 */
public record NewsFinding(
        MedicationRef order, List<RiskFlags.ScoredParameter> parameters, RiskThreshold level, Patient patient)
        implements Finding {

    public static final String RULE_ID = "RSK-002";
    public static final String SCORE = "news2";

    public NewsFinding {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(level, "level");
        parameters = List.copyOf(parameters);
    }

    public static List<NewsFinding> assess(KnowledgeSnapshot knowledge, Patient patient, List<LabResult> results) {
        if (patient == null || patient.asOf() == null) {
            return List.of();
        }
        List<RiskFlags.ScoredParameter> parameters = RiskFlags.score(knowledge.risk(), SCORE, patient, results);
        int total =
                parameters.stream().mapToInt(RiskFlags.ScoredParameter::points).sum();
        int single = parameters.stream()
                .mapToInt(RiskFlags.ScoredParameter::points)
                .max()
                .orElse(0);
        for (String level : List.of("emergency", "urgent")) {
            RiskThreshold threshold = knowledge.risk().threshold(SCORE, level).orElse(null);
            if (threshold != null && threshold.reachedBy(total)) {
                return List.of(new NewsFinding(RiskFlags.patientRef(patient), parameters, threshold, patient));
            }
        }
        RiskThreshold red =
                knowledge.risk().threshold(SCORE, "single-parameter").orElse(null);
        if (red != null && red.reachedBy(single)) {
            return List.of(new NewsFinding(RiskFlags.patientRef(patient), parameters, red, patient));
        }
        return List.of();
    }

    public int total() {
        return parameters.stream().mapToInt(RiskFlags.ScoredParameter::points).sum();
    }

    /** Whether some parameter was not recorded: the total is then a lower bound. */
    public boolean partial() {
        return parameters.stream().anyMatch(RiskFlags.ScoredParameter::missing);
    }

    private boolean emergency() {
        return level.level().equals("emergency");
    }

    @Override
    public String ruleId() {
        return RULE_ID;
    }

    @Override
    public String title() {
        return "clinical deterioration (NEWS2)";
    }

    @Override
    public String check() {
        return "risk";
    }

    @Override
    public Urgency urgency() {
        return emergency() ? Urgency.CRITICAL : Urgency.WARNING;
    }

    @Override
    public boolean interruptive() {
        return emergency();
    }

    @Override
    public Citation citation() {
        return level.citation();
    }

    @Override
    public String problemKey() {
        return RULE_ID + '|' + order.reference();
    }

    private String response() {
        return switch (level.level()) {
            case "emergency" -> "emergency response";
            case "urgent" -> "urgent response";
            default -> "urgent ward-based response";
        };
    }

    private String totalText() {
        return (partial() ? "at least " : "") + total();
    }

    @Override
    public String summary() {
        List<String> red = new ArrayList<>();
        for (RiskFlags.ScoredParameter parameter : parameters) {
            if (parameter.points() >= 3) {
                red.add(parameter.name().toLowerCase(java.util.Locale.ROOT) + " "
                        + RiskFlags.reading(parameter.result()));
            }
        }
        String full = "NEWS2 " + totalText() + ": " + response()
                + (level.level().equals("single-parameter") ? " (" + String.join(", ", red) + " scores 3)" : "");
        return full.length() < 140 ? full : "NEWS2 " + totalText() + ": " + response();
    }

    @Override
    public String detail() {
        StringBuilder detail = new StringBuilder();
        detail.append("**NEWS2 ")
                .append(totalText())
                .append("** from the latest vital signs since ")
                .append(RiskFlags.windowStart(patient))
                .append(":\n");
        int missingWorst = 0;
        for (RiskFlags.ScoredParameter parameter : parameters) {
            detail.append("\n- **").append(parameter.name()).append("**: ");
            if (parameter.missing()) {
                detail.append(RiskFlags.missing(parameter, patient));
                missingWorst += parameter.worst();
            } else {
                detail.append(RiskFlags.readingAndDate(parameter.result()))
                        .append(" → **")
                        .append(parameter.points())
                        .append(parameter.points() == 1 ? " point**" : " points**");
            }
        }
        if (partial()) {
            detail.append("\n\nThe score is partial: the parameters not recorded could add up to ")
                    .append(missingWorst)
                    .append(" points (up to ")
                    .append(total() + missingWorst)
                    .append("). If the patient is on supplemental oxygen, add 2.");
        }
        detail.append("\n\n**Response:** ")
                .append(SepsisFinding.capitalize(level.meaning()))
                .append('.');
        detail.append(" SpO2 is scored on scale 1; for a patient with hypercapnic respiratory failure and a"
                + " prescribed target of 88-92%, use scale 2.");
        return detail.toString();
    }

    @Override
    public List<Remedy> remedies() {
        return List.of();
    }
}
