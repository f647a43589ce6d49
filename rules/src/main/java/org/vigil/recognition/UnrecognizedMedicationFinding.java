package org.vigil.recognition;

import java.util.Objects;
import org.vigil.knowledge.Citation;
import org.vigil.rules.Finding;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.Urgency;

/**
 * A draft order Vigil could not recognise and therefore could not check. Saying so keeps the
 * prescriber from mistaking silence for safety.
 */
public record UnrecognizedMedicationFinding(MedicationRef order) implements Finding {

    public static final String RULE_ID = "MED-001";

    public UnrecognizedMedicationFinding {
        Objects.requireNonNull(order, "order");
    }

    @Override
    public String ruleId() {
        return RULE_ID;
    }

    @Override
    public String title() {
        return "draft order could not be recognised, so it was not checked";
    }

    @Override
    public String check() {
        return "recognition";
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
        return null;
    }

    @Override
    public String problemKey() {
        return RULE_ID + '|' + order.reference();
    }

    @Override
    public String summary() {
        return "Not checked: " + order.display() + " could not be recognised";
    }

    @Override
    public String detail() {
        return "Vigil could not match **" + order.display() + "** to an RxNorm ingredient or clinical drug, so no"
                + " interaction, allergy or other check was made for this order. Review it without decision"
                + " support, or choose a coded medication.";
    }
}
