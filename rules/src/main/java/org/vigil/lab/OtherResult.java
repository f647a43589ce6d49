package org.vigil.lab;

import java.time.Instant;
import java.util.Objects;

/**
 * The latest result recorded under a LOINC code the lab catalog does not know (a drug level such as
 * lithium or vancomycin, say). Its value is not read: it may be a quantity in any unit, a string or a
 * coded answer, and no limit is compared with it. It only tells that the test was done, and when.
 *
 * @param reference relative FHIR reference of the Observation, e.g. {@code Observation/li1}
 * @param loinc the LOINC code the result was recorded under
 * @param effective when the result applies (effective time, else issued), or null when unstated
 */
public record OtherResult(String reference, String loinc, Instant effective) implements ResultOnRecord {

    public OtherResult {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(loinc, "loinc");
    }
}
