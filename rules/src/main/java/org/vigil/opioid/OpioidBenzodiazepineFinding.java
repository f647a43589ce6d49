package org.vigil.opioid;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.rules.Finding;
import org.vigil.rules.MedicationFact;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.Remedy;
import org.vigil.rules.Urgency;

/**
 * OPI-003: a draft order that puts an opioid and a benzodiazepine together (a draft opioid with an
 * active or draft benzodiazepine, or a draft benzodiazepine with an active opioid). The interaction
 * check raises DDI-202 on the same pair; this finding names the same two orders in {@link
 * #involved()}, in the same order as the interaction finding, so the alert policy can show one card,
 * and adds what the interaction card lacks: the naloxone suggestion of CDC 2022 Recommendation 8.
 *
 * <p>Urgency is the interaction check's for a major, interruptive pair such as DDI-202: an
 * interruptive warning.
 *
 * @param opioidIsDraft whether the opioid is {@code order} (else {@code other} is the opioid)
 */
public record OpioidBenzodiazepineFinding(
        MedicationRef order, MedicationRef other, boolean opioidIsDraft, boolean naloxoneOnHand) implements Finding {

    public static final String RULE_ID = "OPI-003";

    public OpioidBenzodiazepineFinding {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(other, "other");
    }

    public static OpioidBenzodiazepineFinding of(
            KnowledgeSnapshot knowledge, MedicationFact draft, MedicationFact other, boolean naloxoneOnHand) {
        boolean opioidIsDraft =
                Opioids.containsOpioid(knowledge, draft) && Opioids.containsBenzodiazepine(knowledge, other);
        return new OpioidBenzodiazepineFinding(draft.ref(), other.ref(), opioidIsDraft, naloxoneOnHand);
    }

    @Override
    public String ruleId() {
        return RULE_ID;
    }

    @Override
    public String title() {
        return "opioid with a benzodiazepine";
    }

    @Override
    public String check() {
        return "opioid";
    }

    @Override
    public Urgency urgency() {
        return Urgency.WARNING;
    }

    @Override
    public boolean interruptive() {
        return true;
    }

    @Override
    public Citation citation() {
        return Opioids.RECOMMENDATION_11;
    }

    @Override
    public List<MedicationRef> involved() {
        return List.of(order, other);
    }

    /** The pair, whichever draft it is seen from. */
    @Override
    public String problemKey() {
        String a = order.reference();
        String b = other.reference();
        return a.compareTo(b) <= 0 ? RULE_ID + '|' + a + '|' + b : RULE_ID + '|' + b + '|' + a;
    }

    @Override
    public String summary() {
        String full = "Opioid with a benzodiazepine: " + opioid().display() + " and "
                + benzodiazepine().display();
        return full.length() < 140 ? full : "Opioid with a benzodiazepine: avoid concurrent prescribing where possible";
    }

    @Override
    public String detail() {
        StringBuilder detail = new StringBuilder();
        detail.append("**")
                .append(opioid().display())
                .append("** (opioid, ")
                .append(opioid().state().label())
                .append(") with **")
                .append(benzodiazepine().display())
                .append("** (benzodiazepine, ")
                .append(benzodiazepine().state().label())
                .append(")\n\n**Risk:** together they add up to central nervous system and respiratory depression;"
                        + " concurrent use raises the risk of fatal overdose.\n\n**Advice:** ")
                .append("Prescribe together only when the benefits outweigh the risks and alternatives are inadequate"
                        + " (CDC 2022 Recommendation 11); if so, use the lowest doses for the shortest time and"
                        + " watch for sedation and slowed breathing.");
        if (naloxoneOnHand) {
            detail.append(" The patient already has a naloxone rescue product.");
        } else {
            detail.append(" Offer naloxone (").append(Opioids.RECOMMENDATION_8).append(").");
        }
        return detail.toString();
    }

    /** Naloxone first (unless already at hand), then removing the draft. */
    @Override
    public List<Remedy> remedies() {
        List<Remedy> remedies = new ArrayList<>(2);
        if (!naloxoneOnHand) {
            remedies.add(Opioids.naloxone("an opioid with a benzodiazepine"));
        }
        remedies.add(new Remedy.RemoveOrder(order));
        return List.copyOf(remedies);
    }

    private MedicationRef opioid() {
        return opioidIsDraft ? order : other;
    }

    private MedicationRef benzodiazepine() {
        return opioidIsDraft ? other : order;
    }
}
