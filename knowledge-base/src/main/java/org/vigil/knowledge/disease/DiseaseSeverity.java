package org.vigil.knowledge.disease;

/** How serious a drug-disease conflict is, strongest first (declaration order ranks). */
public enum DiseaseSeverity {
    /** The label forbids use with the condition. */
    CONTRAINDICATED,
    /** Boxed warning or a label statement to avoid; needs a deliberate decision. */
    MAJOR,
    /** Worth knowing; monitor or adjust. */
    MODERATE
}
