package org.vigil.rules;

/** How urgently a finding deserves the prescriber's attention, in increasing order. */
public enum Urgency {
    INFO,
    WARNING,
    CRITICAL
}
