package org.vigil.lab;

import java.time.Instant;

/**
 * A result the patient has on record, whatever could be made of its value: what a check needs to
 * say that a test was done, and when.
 */
public interface ResultOnRecord {

    /** Relative FHIR reference of the Observation, e.g. {@code Observation/li1}. */
    String reference();

    /** When the result applies (effective time, else issued), or null when unstated. */
    Instant effective();
}
