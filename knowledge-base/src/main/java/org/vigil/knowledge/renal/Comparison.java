package org.vigil.knowledge.renal;

/** How a measured value is compared with a threshold; labels say both "below 30" and "30 or less". */
public enum Comparison {
    /** Breached when the value is strictly below the threshold. */
    BELOW,
    /** Breached when the value is at or below the threshold. */
    AT_OR_BELOW;

    boolean breachedBy(double value, double threshold) {
        return this == BELOW ? value < threshold : value <= threshold;
    }
}
