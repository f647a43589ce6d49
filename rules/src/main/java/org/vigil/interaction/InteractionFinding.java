package org.vigil.interaction;

import java.util.Locale;
import java.util.Objects;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.Interaction;
import org.vigil.knowledge.Severity;
import org.vigil.rules.Finding;
import org.vigil.rules.MedicationFact;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.Text;
import org.vigil.rules.Urgency;

/** A draft order that interacts with another medication: an active one or another draft order. */
public record InteractionFinding(MedicationRef order, MedicationRef other, Interaction interaction) implements Finding {

    public InteractionFinding {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(interaction, "interaction");
    }

    public static InteractionFinding of(MedicationFact draft, MedicationFact other, Interaction interaction) {
        return new InteractionFinding(draft.ref(), other.ref(), interaction);
    }

    @Override
    public String ruleId() {
        return interaction.id();
    }

    @Override
    public String title() {
        return interaction.title();
    }

    @Override
    public String check() {
        return "interaction";
    }

    /**
     * Contraindicated pairs that warrant an interruption are critical, other interruptive pairs a
     * warning; pairs the knowledge marks non-interruptive (ONC 2013 list) are information only.
     */
    @Override
    public Urgency urgency() {
        if (!interaction.interruptive()) {
            return Urgency.INFO;
        }
        return interaction.severity() == Severity.CONTRAINDICATED ? Urgency.CRITICAL : Urgency.WARNING;
    }

    @Override
    public boolean interruptive() {
        return interaction.interruptive();
    }

    @Override
    public Citation citation() {
        return interaction.citation();
    }

    /** The same pair seen from either draft order is one problem. */
    @Override
    public String problemKey() {
        String a = order.reference();
        String b = other.reference();
        return a.compareTo(b) <= 0 ? interaction.id() + '|' + a + '|' + b : interaction.id() + '|' + b + '|' + a;
    }

    @Override
    public String summary() {
        String severity = Text.capitalize(interaction.severity().name().toLowerCase(Locale.ROOT));
        String full = severity + " interaction: " + order.display() + " with " + other.display() + " ("
                + other.state().label() + ")";
        return full.length() < 140 ? full : severity + " interaction: " + interaction.title();
    }

    @Override
    public String detail() {
        return "**" + order.display() + "** (" + order.state().label() + ") with **" + other.display() + "** ("
                + other.state().label() + ")\n\n"
                + "**Severity:** " + interaction.severity().name().toLowerCase(Locale.ROOT) + "\n\n"
                + "**Mechanism:** " + interaction.mechanism() + "\n\n"
                + "**Clinical effect:** " + interaction.clinicalEffect() + "\n\n"
                + "**Management:** " + interaction.management();
    }

    /** The pair: the draft order and the other one. */
    @Override
    public java.util.List<MedicationRef> involved() {
        return java.util.List.of(order, other);
    }
}
