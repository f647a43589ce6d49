package org.vigil.cdshooks.response;

import static org.vigil.cdshooks.Elements.optionalText;
import static org.vigil.cdshooks.Elements.requireText;

import org.vigil.cdshooks.Coding;

/** The primary source of the guidance on a card. */
public record Source(String label, String url, String icon, Coding topic) {

    public Source {
        requireText(label, "label");
        url = optionalText(url);
        icon = optionalText(icon);
    }

    public static Source of(String label) {
        return new Source(label, null, null, null);
    }
}
