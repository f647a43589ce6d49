package org.vigil.lab;

import java.time.Instant;
import java.util.Objects;

/**
 * A result Vigil recognised but could not compare with any limit, because its unit cannot be
 * converted to the analyte's canonical unit (or it has none). It is reported, never guessed at.
 *
 * @param reason why, in words a clinician reads (e.g. "unit 'mEq/L' cannot be converted to mg/dL")
 * @param effective when the result applies (effective time, else issued), or null when unstated
 */
public record UncomparableResult(String reference, String analyte, String unitSent, String reason, Instant effective)
        implements ResultOnRecord {

    public UncomparableResult {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(analyte, "analyte");
        Objects.requireNonNull(reason, "reason");
    }
}
