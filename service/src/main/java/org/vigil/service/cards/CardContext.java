package org.vigil.service.cards;

import java.time.Instant;
import java.util.Map;
import org.hl7.fhir.r4.model.MedicationRequest;

/**
 * What a card's suggestions need from the hook call: the patient the new resources are for, the
 * draft orders an update rewrites, and the time they are authored.
 */
public record CardContext(String patientReference, Map<String, MedicationRequest> drafts, Instant now) {

    public CardContext {
        drafts = Map.copyOf(drafts);
    }

    MedicationRequest draft(String reference) {
        return drafts.get(reference);
    }
}
