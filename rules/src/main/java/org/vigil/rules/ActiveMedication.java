package org.vigil.rules;

import java.util.Objects;
import org.vigil.knowledge.RecognizedMedication;

/** A medication the patient already takes (an active MedicationRequest in the record). */
public record ActiveMedication(String reference, String display, RecognizedMedication medication)
        implements MedicationFact {

    public ActiveMedication {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(medication, "medication");
    }

    @Override
    public OrderState state() {
        return OrderState.ACTIVE;
    }
}
