package org.vigil.rules;

import java.util.Objects;
import org.vigil.knowledge.RecognizedMedication;

/**
 * A medication order being signed or selected now.
 *
 * @param sequence position among the draft orders, so a pair of drafts is reported once
 * @param checked whether the prescriber asked for this order to be checked (order-select checks only
 *     its selections, but every draft stays in the context for draft-versus-draft checks)
 */
public record DraftOrder(
        String reference, String display, RecognizedMedication medication, int sequence, boolean checked)
        implements MedicationFact {

    public DraftOrder {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(medication, "medication");
    }

    @Override
    public OrderState state() {
        return OrderState.DRAFT;
    }
}
