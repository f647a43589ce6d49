package org.vigil.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.knowledge.dose.MmeThreshold;
import org.vigil.opioid.MmeFinding;
import org.vigil.opioid.MmeTally;
import org.vigil.opioid.Opioids;
import org.vigil.rules.ActiveMedication;
import org.vigil.rules.Finding;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.Patient;
import org.vigil.rules.Remedy;
import org.vigil.rules.Urgency;

/**
 * RSK-003: opioid overdose risk across the patient's active opioid orders, seen when the chart is
 * opened: a total of 50 MME/day or more (caution) or 90 or more (high), by the CDC factors and
 * thresholds of the opioid order check; an opioid with a benzodiazepine; and whether naloxone is on
 * file. One card with all that applies; it offers naloxone unless the patient has it.
 *
 * <p>No card unless the MME total reaches the caution threshold or a benzodiazepine is active with
 * the opioid: those are the situations in which CDC 2022 Recommendation 8 asks to offer naloxone.
 *
 * <p>A warning, not interruptive: the order-sign checks (OPI-001 to OPI-003) already interrupt when
 * such an order is signed; here the prescriber reviews a chart and is reminded, with the naloxone
 * suggestion one click away.
 *
 * @param threshold the highest MME threshold reached, or null
 * @param opioids the active opioid orders
 * @param benzodiazepines the active benzodiazepine orders
 */
public record OpioidRiskFinding(
        MedicationRef order,
        MmeTally tally,
        MmeThreshold threshold,
        List<MedicationRef> opioids,
        List<MedicationRef> benzodiazepines,
        boolean naloxoneOnHand)
        implements Finding {

    public static final String RULE_ID = "RSK-003";

    public OpioidRiskFinding {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(tally, "tally");
        opioids = List.copyOf(opioids);
        benzodiazepines = List.copyOf(benzodiazepines);
    }

    public static List<OpioidRiskFinding> assess(
            KnowledgeSnapshot knowledge, Patient patient, List<ActiveMedication> actives) {
        List<MedicationRef> opioids = new ArrayList<>();
        List<MedicationRef> benzodiazepines = new ArrayList<>();
        for (ActiveMedication active : actives) {
            if (Opioids.containsOpioid(knowledge, active)) {
                opioids.add(active.ref());
            } else if (Opioids.containsBenzodiazepine(knowledge, active)) {
                benzodiazepines.add(active.ref());
            }
        }
        if (opioids.isEmpty()) {
            return List.of();
        }
        MmeTally tally = MmeTally.active(knowledge, actives);
        MmeThreshold threshold =
                MmeFinding.reached(knowledge, tally).stream().findFirst().orElse(null);
        if (threshold == null && benzodiazepines.isEmpty()) {
            return List.of();
        }
        return List.of(new OpioidRiskFinding(
                RiskFlags.patientRef(patient),
                tally,
                threshold,
                opioids,
                benzodiazepines,
                Opioids.naloxoneOnHand(knowledge, actives)));
    }

    private boolean high() {
        return threshold != null && threshold.level() == MmeThreshold.Level.HIGH;
    }

    @Override
    public String ruleId() {
        return RULE_ID;
    }

    @Override
    public String title() {
        return "opioid overdose risk";
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

    /** The MME threshold's source when one is reached, else CDC Recommendation 11 (with a benzodiazepine). */
    @Override
    public Citation citation() {
        return threshold != null ? threshold.citation() : Opioids.RECOMMENDATION_11;
    }

    @Override
    public String problemKey() {
        return RULE_ID + '|' + order.reference();
    }

    private String totalText() {
        return (tally.partial() ? "at least " : "") + number(tally.total());
    }

    private static String number(double value) {
        return java.math.BigDecimal.valueOf(value)
                .setScale(1, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    @Override
    public String summary() {
        List<String> parts = new ArrayList<>(3);
        if (threshold != null) {
            parts.add(totalText() + " MME/day (" + (high() ? "high" : "caution") + ")");
        }
        if (!benzodiazepines.isEmpty()) {
            parts.add("with a benzodiazepine");
        }
        if (!naloxoneOnHand) {
            parts.add("no naloxone on file");
        }
        String full = "Opioid risk: " + String.join(", ", parts);
        return full.length() < 140 ? full : full.substring(0, 139);
    }

    @Override
    public String detail() {
        StringBuilder detail = new StringBuilder();
        detail.append("**Active opioids: ").append(totalText()).append(" MME/day**");
        if (threshold != null) {
            detail.append(", at or above the ")
                    .append(high() ? "high" : "caution")
                    .append(" threshold of ")
                    .append(number(threshold.mmePerDay().doubleValue()))
                    .append(" MME/day");
        } else {
            detail.append(", below the caution threshold");
        }
        detail.append(".\n");
        for (MmeTally.Line line : tally.computed()) {
            detail.append("\n- **")
                    .append(line.order().display())
                    .append("**: ")
                    .append(line.ingredient().name())
                    .append(" × factor ")
                    .append(number(line.factor().factor().doubleValue()))
                    .append(" (")
                    .append(line.route())
                    .append(") = ")
                    .append(number(line.mmePerDay()))
                    .append(" MME/day");
        }
        for (MmeTally.Line line : tally.notSummed()) {
            detail.append("\n- **")
                    .append(line.order().display())
                    .append("**: ")
                    .append(line.ingredient().name())
                    .append(
                            line.status() == MmeTally.Status.NO_FACTOR
                                    ? " has no CDC conversion factor; not summed"
                                    : " not summed: dose, frequency or route not stated");
        }
        if (!benzodiazepines.isEmpty()) {
            detail.append("\n\n**With a benzodiazepine:** ");
            for (int i = 0; i < benzodiazepines.size(); i++) {
                detail.append(i == 0 ? "" : ", ").append(benzodiazepines.get(i).display());
            }
            detail.append(". Together they add up to respiratory depression; taper one where possible ("
                    + "CDC 2022 Recommendation 11).");
        }
        if (threshold != null) {
            detail.append("\n\n**Advice:** ")
                    .append(SepsisFinding.capitalize(threshold.meaning()))
                    .append('.');
        }
        detail.append(
                naloxoneOnHand
                        ? "\n\n**Naloxone:** on file."
                        : "\n\n**Naloxone:** none on file; offer it (" + Opioids.RECOMMENDATION_8 + ").");
        detail.append(" MME estimate overall opioid exposure; never use them to convert one opioid to another.");
        return detail.toString();
    }

    @Override
    public List<Remedy> remedies() {
        if (naloxoneOnHand) {
            return List.of();
        }
        List<String> why = new ArrayList<>(2);
        if (threshold != null) {
            why.add(totalText() + " MME/day");
        }
        if (!benzodiazepines.isEmpty()) {
            why.add("an opioid with a benzodiazepine");
        }
        return List.of(Opioids.naloxone(String.join(" and ", why)));
    }
}
