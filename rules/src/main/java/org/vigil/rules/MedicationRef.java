package org.vigil.rules;

import java.util.Objects;

/** A pointer to one medication order, kept on a finding so the card can name it and act on it. */
public record MedicationRef(String reference, String display, OrderState state) {
    public MedicationRef {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(state, "state");
        display = display == null || display.isBlank() ? reference : display;
    }
}
