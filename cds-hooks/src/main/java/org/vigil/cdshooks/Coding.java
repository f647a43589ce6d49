package org.vigil.cdshooks;

import static org.vigil.cdshooks.Elements.optionalText;
import static org.vigil.cdshooks.Elements.requireText;

/**
 * The CDS Hooks Coding data type: a trimmed FHIR Coding. {@code display} is optional here; the
 * places that require it (card override reasons) check it themselves.
 */
public record Coding(String system, String code, String display) {

    public Coding {
        requireText(system, "system");
        requireText(code, "code");
        display = optionalText(display);
    }

    public static Coding of(String system, String code) {
        return new Coding(system, code, null);
    }
}
