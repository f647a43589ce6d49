package org.vigil.knowledge.age;

/** What the prescriber should do, strongest first (the declaration order is the ranking). */
public enum AgeAction {
    /** The label forbids use at this age. */
    CONTRAINDICATED,
    /** Choose another drug unless there is a specific reason. */
    AVOID,
    /** Usable, with the precaution the rationale gives. */
    CAUTION
}
