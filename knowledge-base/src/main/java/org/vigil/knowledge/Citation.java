package org.vigil.knowledge;

import java.util.Objects;

/**
 * Where a knowledge row comes from: a paper, a label, a value set. Every row carries one, so an
 * alert can always show the pharmacist what it rests on.
 *
 * @param text human-readable citation, never blank
 * @param url link to the source, or {@code null} when there is none
 */
public record Citation(String text, String url) {

    public Citation {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("citation text is blank");
        }
        if (url != null && !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw new IllegalArgumentException("citation url is not http(s): " + url);
        }
    }
}
