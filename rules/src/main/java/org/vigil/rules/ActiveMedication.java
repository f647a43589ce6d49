package org.vigil.rules;

import java.util.Objects;
import org.vigil.knowledge.RecognizedMedication;

/**
 * A medication the patient already takes (an active MedicationRequest in the record), with its
 * dosage as prescribed ({@link Dosage#UNSTATED} when the record gives none).
 */
public record ActiveMedication(String reference, String display, RecognizedMedication medication, Dosage dosage)
        implements MedicationFact {

    public ActiveMedication(String reference, String display, RecognizedMedication medication) {
        this(reference, display, medication, Dosage.UNSTATED);
    }

    public ActiveMedication {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(medication, "medication");
        dosage = dosage == null ? Dosage.UNSTATED : dosage;
    }

    @Override
    public OrderState state() {
        return OrderState.ACTIVE;
    }
}
