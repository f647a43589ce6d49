package org.vigil.renal;

import java.time.Period;
import java.util.List;
import java.util.Objects;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.Ingredient;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.knowledge.renal.Comparison;
import org.vigil.knowledge.renal.RenalAction;
import org.vigil.knowledge.renal.RenalThreshold;
import org.vigil.lab.LabResult;
import org.vigil.lab.ResultText;
import org.vigil.rules.Finding;
import org.vigil.rules.MedicationFact;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.Patient;
import org.vigil.rules.Text;
import org.vigil.rules.Urgency;

/**
 * A draft order for a drug whose kidney-function threshold (eGFR or creatinine clearance) the
 * patient's latest recent result breaches; the strictest breached row of the renal table.
 */
public record RenalFinding(MedicationRef order, Ingredient ingredient, RenalThreshold threshold, LabResult result)
        implements Finding {

    public static final String RULE_ID = "REN-001";

    /** Kidney function older than this is not compared: it no longer says how the kidneys work today. */
    public static final Period LOOKBACK = Period.ofDays(90);

    public RenalFinding {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(ingredient, "ingredient");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(result, "result");
    }

    public static RenalFinding of(
            MedicationFact draft, Ingredient ingredient, RenalThreshold threshold, LabResult result) {
        return new RenalFinding(draft.ref(), ingredient, threshold, result);
    }

    /** Whether a result is a kidney-function measure recent enough to compare. */
    public static boolean counts(LabResult result, Patient patient) {
        return result != null
                && patient != null
                && ("egfr".equals(result.analyte()) || "creatinine_clearance".equals(result.analyte()))
                && ResultText.within(result, patient.asOf(), LOOKBACK);
    }

    /** The strictest row of the ingredient the result breaches, as a list the rule can iterate. */
    public static List<RenalThreshold> breached(KnowledgeSnapshot knowledge, Ingredient ingredient, LabResult result) {
        return knowledge
                .renalThresholds()
                .breached(ingredient.rxcui(), result.analyte(), result.value())
                .map(List::of)
                .orElse(List.of());
    }

    @Override
    public String ruleId() {
        return RULE_ID;
    }

    @Override
    public String title() {
        return "kidney function below the drug's threshold";
    }

    @Override
    public String check() {
        return "renal";
    }

    /** Avoid: critical; a lower dose: warning; a precaution: information. */
    @Override
    public Urgency urgency() {
        return switch (threshold.action()) {
            case AVOID -> Urgency.CRITICAL;
            case REDUCE_DOSE -> Urgency.WARNING;
            case CAUTION -> Urgency.INFO;
        };
    }

    @Override
    public boolean interruptive() {
        return threshold.action() != RenalAction.CAUTION;
    }

    @Override
    public Citation citation() {
        return threshold.citation();
    }

    /** One card per order: if eGFR and creatinine clearance both breach, the more urgent one stays. */
    @Override
    public String problemKey() {
        return RULE_ID + '|' + order.reference();
    }

    @Override
    public String summary() {
        String full = Text.capitalize(order.display()) + ": " + measure() + " "
                + ResultText.quantity(result.value(), result.unit()) + " is " + comparison() + " " + limit() + " ("
                + action() + ")";
        if (full.length() < 140) {
            return full;
        }
        String shorter = Text.capitalize(ingredient.name()) + ": " + measure() + " " + ResultText.number(result.value())
                + " is " + comparison() + " " + limit() + " (" + action() + ")";
        return shorter.length() < 140 ? shorter : shorter.substring(0, 139);
    }

    @Override
    public String detail() {
        StringBuilder detail = new StringBuilder();
        detail.append("**")
                .append(order.display())
                .append("** (")
                .append(order.state().label())
                .append(") with **")
                .append(measure())
                .append(' ')
                .append(ResultText.valueAndDate(result))
                .append("**");
        String trend = ResultText.trend(result);
        if (trend != null) {
            detail.append(" (").append(trend).append(')');
        }
        detail.append("\n\n**Threshold:** ")
                .append(action())
                .append(' ')
                .append(comparison())
                .append(' ')
                .append(measure())
                .append(' ')
                .append(ResultText.quantity(threshold.threshold().doubleValue(), result.unit()));
        detail.append("\n\n**Advice:** ").append(threshold.advice());
        return detail.toString();
    }

    private String measure() {
        return "egfr".equals(threshold.measure()) ? "eGFR" : "creatinine clearance";
    }

    private String limit() {
        return threshold.threshold().stripTrailingZeros().toPlainString();
    }

    private String comparison() {
        return threshold.comparison() == Comparison.BELOW ? "below" : "at or below";
    }

    private String action() {
        return switch (threshold.action()) {
            case AVOID -> "avoid";
            case REDUCE_DOSE -> "reduce the dose";
            case CAUTION -> "use with caution";
        };
    }
}
