package org.vigil.knowledge.lab;

/** Where a value falls against an analyte's limits. */
public enum Interpretation {
    /** Strictly below the critical (panic) low limit. */
    CRITICAL_LOW,
    /** Below the reference interval, not critical. */
    LOW,
    /** Within the reference interval, limits included. */
    NORMAL,
    /** Above the reference interval, not critical. */
    HIGH,
    /** Strictly above the critical (panic) high limit. */
    CRITICAL_HIGH,
    /** Not critical, but no complete reference interval to judge against (or the value is not a number). */
    UNKNOWN
}
