package org.vigil.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * An RxNorm clinical or branded drug (SCD, SBD, or a pack) the knowledge base lists.
 *
 * @param rxcui RxNorm concept id
 * @param name the RxNorm name as the source spells it
 * @param components components parsed from the name; without strengths when the name is not a
 *     plain normal form (packs)
 * @param doseForm dose form parsed from the name, or {@code null}
 * @param citation where the code and name come from
 */
public record ClinicalDrug(int rxcui, String name, List<Component> components, String doseForm, Citation citation) {

    public ClinicalDrug {
        Objects.requireNonNull(name, "name");
        components = List.copyOf(components);
        if (components.isEmpty()) {
            throw new IllegalArgumentException("a clinical drug has at least one component");
        }
        Objects.requireNonNull(citation, "citation");
    }

    RecognizedMedication recognized() {
        return new RecognizedMedication(components, doseForm, RecognitionMethod.CLINICAL_DRUG_CODE);
    }
}
