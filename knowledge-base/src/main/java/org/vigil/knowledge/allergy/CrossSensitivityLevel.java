package org.vigil.knowledge.allergy;

/**
 * How likely a reaction to one member of a cross-sensitivity group predicts a reaction to another.
 * Declared from most to least likely, so {@code compareTo} orders by strength.
 */
public enum CrossSensitivityLevel {
    /** Treat as the same allergy until an allergist says otherwise. */
    HIGH,
    /** Plausible, documented cross-reactivity: warn, consider an alternative or a graded challenge. */
    MODERATE,
    /** Lower but not zero: inform. */
    LOW
}
