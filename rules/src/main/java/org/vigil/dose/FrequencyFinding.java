package org.vigil.dose;

import java.util.List;
import java.util.Objects;
import org.vigil.knowledge.Ingredient;
import org.vigil.knowledge.dose.DoseLimit;
import org.vigil.knowledge.dose.FrequencyRule;
import org.vigil.rules.Dosage;
import org.vigil.rules.DraftOrder;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.Remedy;
import org.vigil.rules.Text;
import org.vigil.rules.Urgency;

/**
 * DOS-003: a draft order dosed more often than its row's frequency rule allows, such as oral
 * methotrexate for rheumatoid arthritis or psoriasis ordered daily instead of once weekly. Always
 * critical and interruptive: mistaken daily dosing of weekly methotrexate has been fatal.
 *
 * <p>The rule counts dosing days, not administrations: the label lets a weekly dose be divided
 * within its day, so only dosing days less than seven days apart break a weekly rule. An order
 * whose timing is unstated is not judged.
 *
 * @param daysBetweenDosingDays as the order is written (1 for daily)
 */
public record FrequencyFinding(
        MedicationRef order,
        Ingredient ingredient,
        DoseLimit limit,
        FrequencyRule rule,
        double daysBetweenDosingDays,
        String written)
        implements DoseFinding {

    public static final String RULE_ID = "DOS-003";

    public FrequencyFinding {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(ingredient, "ingredient");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(rule, "rule");
        written = written == null ? "" : written;
    }

    /** The finding when the draft's dosing days are closer together than the row's rule allows. */
    public static List<FrequencyFinding> check(DraftOrder draft, Ingredient ingredient, DoseLimit limit) {
        FrequencyRule rule = limit.frequency();
        Dosage dosage = draft.dosage();
        double days = dosage.daysBetweenDosingDays();
        if (rule == null || Double.isNaN(days) || !dosage.hasFrequency() || rule.permitsInterval(days)) {
            return List.of();
        }
        return List.of(new FrequencyFinding(draft.ref(), ingredient, limit, rule, days, dosage.describe()));
    }

    private String ordered() {
        return daysBetweenDosingDays <= 1.0 ? "daily" : "every " + DoseCheck.number(daysBetweenDosingDays) + " days";
    }

    private String allowed() {
        return switch (rule) {
            case WEEKLY -> "once weekly";
        };
    }

    @Override
    public String ruleId() {
        return RULE_ID;
    }

    @Override
    public String title() {
        return "dosing frequency not allowed";
    }

    @Override
    public String check() {
        return DoseCheck.CHECK;
    }

    @Override
    public Urgency urgency() {
        return Urgency.CRITICAL;
    }

    @Override
    public String summary() {
        String name = Text.capitalize(ingredient.name());
        return DoseCheck.fit(
                name + " ordered " + ordered() + " (" + order.display() + "); it is taken " + allowed(),
                name + " ordered " + ordered() + "; it is taken " + allowed());
    }

    @Override
    public String detail() {
        StringBuilder detail = new StringBuilder();
        detail.append("**")
                .append(order.display())
                .append("** (")
                .append(order.state().label())
                .append(')');
        if (!written.isEmpty()) {
            detail.append(": ").append(written);
        }
        detail.append("\n\n**Ordered:** dosing days ")
                .append(daysBetweenDosingDays <= 1.0 ? "every day" : ordered())
                .append(", ")
                .append(DoseCheck.number(7.0 / daysBetweenDosingDays))
                .append(" dosing days a week; allowed: ")
                .append(allowed())
                .append(" (one dosing day a week)");
        DoseCheck.appendRow(detail, limit);
        detail.append("\n\n**Advice:** give the dose on one day of the week and name that day on the"
                + " prescription; if a different schedule is really intended, confirm the indication first.");
        return detail.toString();
    }

    /** Make the order once weekly, else remove it. */
    @Override
    public List<Remedy> remedies() {
        return List.of(new Remedy.MakeWeekly(order), new Remedy.RemoveOrder(order));
    }
}
