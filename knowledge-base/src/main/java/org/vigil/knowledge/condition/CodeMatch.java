package org.vigil.knowledge.condition;

/** How a table code matches a patient's code. */
public enum CodeMatch {
    /** Only the very same code. */
    EXACT,
    /** The code and every ICD-10-CM code below it ({@code I50} covers {@code I50.22}). */
    PREFIX
}
