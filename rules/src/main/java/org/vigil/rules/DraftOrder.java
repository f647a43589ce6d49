package org.vigil.rules;

import java.util.Objects;
import org.vigil.knowledge.RecognizedMedication;

/**
 * A medication order being signed or selected now.
 *
 * @param sequence position among the draft orders, so a pair of drafts is reported once
 * @param checked whether the prescriber asked for this order to be checked (order-select checks only
 *     its selections, but every draft stays in the context for draft-versus-draft checks)
 * @param priorPrescription the order this one renews or modifies ({@code MedicationRequest/...}), or null
 * @param dosage dose, frequency and route as written; {@link Dosage#UNSTATED} when the order gives none
 */
public record DraftOrder(
        String reference,
        String display,
        RecognizedMedication medication,
        int sequence,
        boolean checked,
        String priorPrescription,
        Dosage dosage)
        implements MedicationFact {

    public DraftOrder(
            String reference, String display, RecognizedMedication medication, int sequence, boolean checked) {
        this(reference, display, medication, sequence, checked, null, Dosage.UNSTATED);
    }

    public DraftOrder(
            String reference,
            String display,
            RecognizedMedication medication,
            int sequence,
            boolean checked,
            String priorPrescription) {
        this(reference, display, medication, sequence, checked, priorPrescription, Dosage.UNSTATED);
    }

    /** Whether this order renews or modifies the given order rather than adding a second one. */
    public boolean replaces(MedicationFact other) {
        return priorPrescription != null && priorPrescription.equals(other.reference());
    }

    public DraftOrder {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(medication, "medication");
        dosage = dosage == null ? Dosage.UNSTATED : dosage;
    }

    @Override
    public OrderState state() {
        return OrderState.DRAFT;
    }
}
