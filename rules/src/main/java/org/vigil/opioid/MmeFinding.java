package org.vigil.opioid;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.knowledge.dose.MmeDoseUnit;
import org.vigil.knowledge.dose.MmeThreshold;
import org.vigil.rules.ActiveMedication;
import org.vigil.rules.DraftOrder;
import org.vigil.rules.Finding;
import org.vigil.rules.MedicationFact;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.Remedy;
import org.vigil.rules.Text;
import org.vigil.rules.Urgency;

/**
 * A draft opioid order after which the patient's total daily MME reaches the caution (OPI-001, 50
 * MME/day) or the high threshold (OPI-002, 90 MME/day) of {@code mme-thresholds.tsv}; one finding
 * per draft order, at the highest level reached.
 *
 * <p>Urgency follows the CDC wording. At 50 MME/day the guidelines ask the prescriber to reassess
 * benefits and risks and to offer naloxone (CDC 2022 Recommendations 4 and 8; 2016 Recommendation
 * 5, "carefully reassess"): a warning that informs and offers naloxone, without interrupting. At 90
 * MME/day the 2016 guideline asks to "avoid increasing dosage to ≥90 MME/day or carefully justify"
 * it: an interruptive warning, so the justification is asked for with the override reasons. Neither
 * is critical: the dosage may be right for the patient once justified.
 *
 * <p>A renewal that does not raise the total (the same opioid dose ordered again) does not interrupt
 * at the high threshold either: the advice is against increasing to 90 MME/day, and the prescriber
 * already justified the dose the patient is on. The card still informs and offers naloxone.
 *
 * @param naloxoneOnHand whether the patient already has a naloxone rescue product, active or drafted
 * @param totalBefore for a renewal, the total with the renewed order instead of the draft; NaN otherwise
 */
public record MmeFinding(
        MedicationRef order, MmeThreshold threshold, MmeTally tally, boolean naloxoneOnHand, double totalBefore)
        implements Finding {

    public static final String CAUTION_RULE_ID = "OPI-001";
    public static final String HIGH_RULE_ID = "OPI-002";

    public MmeFinding {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(tally, "tally");
    }

    public static MmeFinding of(MedicationFact draft, MmeThreshold threshold, MmeTally tally, boolean naloxoneOnHand) {
        return new MmeFinding(draft.ref(), threshold, tally, naloxoneOnHand, Double.NaN);
    }

    /** As {@link #of}, remembering the total before when the draft renews or modifies an active order. */
    public static MmeFinding of(
            KnowledgeSnapshot knowledge,
            DraftOrder draft,
            MmeThreshold threshold,
            MmeTally tally,
            boolean naloxoneOnHand,
            List<DraftOrder> drafts,
            List<ActiveMedication> actives) {
        double before = draft.priorPrescription() == null
                ? Double.NaN
                : MmeTally.before(knowledge, draft, drafts, actives).total();
        return new MmeFinding(draft.ref(), threshold, tally, naloxoneOnHand, before);
    }

    /** Whether this order renews another without raising the total daily MME. */
    public boolean renewalWithoutIncrease() {
        return !Double.isNaN(totalBefore) && tally.total() <= totalBefore + 1e-6;
    }

    /** The highest threshold the tally reaches, as a list the rule can iterate. */
    public static List<MmeThreshold> reached(KnowledgeSnapshot knowledge, MmeTally tally) {
        return knowledge
                .doses()
                .mme()
                .thresholdReached(tally.total())
                .map(List::of)
                .orElse(List.of());
    }

    @Override
    public String ruleId() {
        return high() ? HIGH_RULE_ID : CAUTION_RULE_ID;
    }

    @Override
    public String title() {
        return high() ? "daily MME at or above the high threshold" : "daily MME at or above the caution threshold";
    }

    @Override
    public String check() {
        return "opioid";
    }

    @Override
    public Urgency urgency() {
        return Urgency.WARNING;
    }

    /** Interrupt at the high threshold only, and not for a renewal that keeps the total; see the class comment. */
    @Override
    public boolean interruptive() {
        return high() && !renewalWithoutIncrease();
    }

    @Override
    public Citation citation() {
        return threshold.citation();
    }

    /** One card per draft order, whichever level it reaches. */
    @Override
    public String problemKey() {
        return "OPI-MME|" + order.reference();
    }

    @Override
    public String summary() {
        String full = Text.capitalize(order.display()) + ": " + totalText()
                + " MME/day with this order, at or above the " + level() + " threshold of " + limit();
        if (full.length() < 140) {
            return full;
        }
        String shorter =
                "Opioids: " + totalText() + " MME/day with this order (" + level() + " threshold " + limit() + ")";
        return shorter.length() < 140 ? shorter : shorter.substring(0, 139);
    }

    @Override
    public String detail() {
        StringBuilder detail = new StringBuilder();
        detail.append("**Total with this order: ")
                .append(totalText())
                .append(" MME/day**, at or above the ")
                .append(level())
                .append(" threshold of ")
                .append(limit())
                .append(" MME/day.");
        if (renewalWithoutIncrease()) {
            detail.append(" This order renews the patient's current opioid without raising the total (")
                    .append(Opioids.number(totalBefore))
                    .append(" MME/day before), so it does not interrupt.");
        }
        detail.append("\n\n**Counted:**\n");
        for (MmeTally.Line line : tally.computed()) {
            detail.append("\n- **")
                    .append(line.order().display())
                    .append("** (")
                    .append(line.order().state().label())
                    .append(")");
            String dose = line.dosage().describe();
            if (!dose.isEmpty()) {
                detail.append(", ").append(dose);
            }
            boolean patch = line.factor().doseUnit() == MmeDoseUnit.MCG_PER_HOUR;
            detail.append(": ")
                    .append(line.ingredient().name())
                    .append(' ')
                    .append(Opioids.number(line.amount()))
                    .append(patch ? " mcg/hr" : " mg/day")
                    .append(" × factor ")
                    .append(Opioids.number(line.factor().factor()))
                    .append(" (")
                    .append(line.route())
                    .append(patch ? ", per mcg/hr" : "")
                    .append(") = **")
                    .append(Opioids.number(line.mmePerDay()))
                    .append(" MME/day**");
        }
        List<MmeTally.Line> notSummed = tally.notSummed();
        if (!notSummed.isEmpty()) {
            detail.append("\n\n**Not summed** (the total is at least ")
                    .append(Opioids.number(tally.total()))
                    .append(" MME/day):\n");
            for (MmeTally.Line line : notSummed) {
                detail.append("\n- **")
                        .append(line.order().display())
                        .append("** (")
                        .append(line.order().state().label())
                        .append("): ")
                        .append(line.ingredient().name())
                        .append(' ')
                        .append(
                                line.status() == MmeTally.Status.NO_FACTOR
                                        ? "has no CDC conversion factor"
                                                + (line.route() == null ? "" : " for the " + line.route() + " route")
                                                + "; MME are not estimated for it"
                                        : "MME could not be computed: dose, frequency or route not stated");
            }
        }
        detail.append("\n\n**Advice:** ")
                .append(Text.capitalize(threshold.meaning()))
                .append('.');
        if (naloxoneOnHand) {
            detail.append(" The patient already has a naloxone rescue product.");
        } else {
            detail.append(" Offer naloxone (").append(Opioids.RECOMMENDATION_8).append(").");
        }
        detail.append(" MME estimate overall opioid exposure; never use them to convert one opioid to another.");
        return detail.toString();
    }

    /** Naloxone first (unless already at hand), then removing the draft. */
    @Override
    public List<Remedy> remedies() {
        List<Remedy> remedies = new ArrayList<>(2);
        if (!naloxoneOnHand) {
            remedies.add(Opioids.naloxone(totalText() + " MME/day"));
        }
        remedies.add(new Remedy.RemoveOrder(order));
        return List.copyOf(remedies);
    }

    private boolean high() {
        return threshold.level() == MmeThreshold.Level.HIGH;
    }

    private String level() {
        return high() ? "high" : "caution";
    }

    private String limit() {
        return Opioids.number(threshold.mmePerDay());
    }

    private String totalText() {
        return (tally.partial() ? "at least " : "") + Opioids.number(tally.total());
    }
}
