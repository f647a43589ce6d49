package org.vigil.knowledge.renal;

/** What to do when kidney function is below a threshold, strictest first (declaration order ranks). */
public enum RenalAction {
    /** Do not use (contraindicated or not recommended at this function). */
    AVOID,
    /** Use a lower dose or a longer interval, as the advice says. */
    REDUCE_DOSE,
    /** Usable with the precaution the advice gives (e.g. do not start, reassess). */
    CAUTION
}
