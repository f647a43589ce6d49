package org.vigil.knowledge;

import java.util.Objects;

/**
 * A drug-drug interaction row. The same instance is shared by every ingredient pair its classes
 * expand to.
 *
 * @param id stable row id, shown with the alert ("DDI-011")
 * @param title short description
 * @param severity how bad the combination is
 * @param interruptive whether it deserves an interruptive (hard-stop style) alert
 * @param mechanism why it happens
 * @param clinicalEffect what the patient may suffer
 * @param management what the prescriber should do
 * @param citation the literature or label the row rests on
 */
public record Interaction(
        String id,
        String title,
        Severity severity,
        boolean interruptive,
        String mechanism,
        String clinicalEffect,
        String management,
        Citation citation) {

    public Interaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(clinicalEffect, "clinicalEffect");
        Objects.requireNonNull(management, "management");
        Objects.requireNonNull(citation, "citation");
    }
}
