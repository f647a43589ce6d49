package org.vigil.knowledge.lab;

import java.util.Objects;
import org.vigil.knowledge.Citation;

/**
 * One row of {@code lab-analytes.tsv}: a LOINC code and the analyte it reports.
 *
 * @param loinc the LOINC code, e.g. {@code 2823-3}
 * @param display the LOINC name as printed by the source, or {@code null} when the source gave the code only
 * @param analyte what the code measures
 * @param citation where the code was found
 */
public record LoincMapping(String loinc, String display, Analyte analyte, Citation citation) {

    public LoincMapping {
        Objects.requireNonNull(loinc, "loinc");
        Objects.requireNonNull(analyte, "analyte");
        Objects.requireNonNull(citation, "citation");
    }
}
