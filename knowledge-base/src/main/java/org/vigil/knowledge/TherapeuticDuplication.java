package org.vigil.knowledge;

import java.util.Objects;

/**
 * A therapeutic-duplication row: two different ingredients of the same class (two statins), or of
 * two classes that must not be combined (an ACE inhibitor with an ARB), ordered together.
 *
 * @param id stable row id, shown with the alert ("DTH-001")
 * @param label what is duplicated, in the clinic's words ("two statins")
 * @param citation the label, guideline or regulation the row rests on
 */
public record TherapeuticDuplication(String id, String label, Citation citation) {

    public TherapeuticDuplication {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(citation, "citation");
    }
}
