package org.vigil.druglab;

import java.time.Period;
import java.util.Locale;
import java.util.Objects;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.Ingredient;
import org.vigil.knowledge.Severity;
import org.vigil.knowledge.druglab.DrugLabRule;
import org.vigil.lab.LabResult;
import org.vigil.lab.ResultText;
import org.vigil.rules.Finding;
import org.vigil.rules.MedicationFact;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.Text;
import org.vigil.rules.Urgency;

/**
 * A draft order for a drug whose latest result of an analyte lies beyond the limit the drug-lab
 * table gives (warfarin with a high INR, digoxin with a low potassium). The card and the alert log
 * carry the table row's stable id (e.g. {@code DLB-001}).
 */
public record DrugLabFinding(MedicationRef order, Ingredient ingredient, DrugLabRule rule, LabResult result)
        implements Finding {

    /** How old a result may be when the table gives no window. */
    public static final Period DEFAULT_LOOKBACK = Period.ofDays(30);

    public DrugLabFinding {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(ingredient, "ingredient");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(result, "result");
    }

    public static DrugLabFinding of(MedicationFact draft, Ingredient ingredient, DrugLabRule rule, LabResult result) {
        return new DrugLabFinding(draft.ref(), ingredient, rule, result);
    }

    /** The window a row's results must fall in: the row's own, else {@link #DEFAULT_LOOKBACK}. */
    public static Period lookbackOf(DrugLabRule rule) {
        return rule.lookbackWindow().orElse(DEFAULT_LOOKBACK);
    }

    @Override
    public String ruleId() {
        return rule.id();
    }

    @Override
    public String title() {
        return rule.drugName() + " with " + rule.condition();
    }

    @Override
    public String check() {
        return "druglab";
    }

    /** As for interactions: non-interruptive rows inform, contraindicated ones are critical. */
    @Override
    public Urgency urgency() {
        if (!rule.interruptive()) {
            return Urgency.INFO;
        }
        return rule.severity() == Severity.CONTRAINDICATED ? Urgency.CRITICAL : Urgency.WARNING;
    }

    @Override
    public boolean interruptive() {
        return rule.interruptive();
    }

    @Override
    public Citation citation() {
        return rule.citation();
    }

    /** One card per row and order, even when two ingredients of one product share a class row. */
    @Override
    public String problemKey() {
        return rule.id() + '|' + order.reference();
    }

    @Override
    public String summary() {
        String analyte = rule.analyte().name();
        String value = ResultText.quantity(result.value(), scale(), result.unit());
        String full = Text.capitalize(order.display()) + " ordered with " + analyte + " " + value + " (limit " + limit()
                + ")";
        if (full.length() < 140) {
            return full;
        }
        String shorter = Text.capitalize(ingredient.name()) + " ordered with " + analyte + " " + value;
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
                .append(rule.analyte().name())
                .append(' ')
                .append(ResultText.valueAndDate(result, scale()))
                .append("**");
        String trend = ResultText.trend(result, scale());
        if (trend != null) {
            detail.append(" (").append(trend).append(')');
        }
        detail.append("\n\n**Limit:** ")
                .append(rule.analyte().name())
                .append(' ')
                .append(limit())
                .append(", results within ")
                .append(window(lookbackOf(rule)))
                .append(" (severity ")
                .append(rule.severity().name().toLowerCase(Locale.ROOT))
                .append(')');
        detail.append("\n\n**Why:** ").append(rule.rationale());
        detail.append("\n\n**Management:** ").append(rule.management());
        return detail.toString();
    }

    /** The threshold as the table writes it: {@code > 4.0}, {@code <= 3.5 mmol/L}. */
    private String limit() {
        String unit = ResultText.unit(rule.unit());
        String threshold = rule.comparison().symbol() + " " + rule.threshold().toPlainString();
        return unit.isEmpty() ? threshold : threshold + " " + unit;
    }

    /** Values read with the threshold's precision (at most two decimals). */
    private int scale() {
        return rule.threshold().scale();
    }

    private static String window(Period period) {
        if (period.getYears() == 0 && period.getMonths() == 0) {
            return period.getDays() + " days";
        }
        return period.toString();
    }
}
