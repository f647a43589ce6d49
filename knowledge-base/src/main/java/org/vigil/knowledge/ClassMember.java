package org.vigil.knowledge;

import java.util.Objects;

/**
 * One row of class membership, kept so an alert can cite why a drug belongs to a class (for
 * example, why voriconazole counts as a strong CYP3A4 inhibitor).
 *
 * @param classId stable class id ("strong-cyp3a4-inhibitor")
 * @param className readable class name
 * @param member the member ingredient
 * @param citation the source of the membership
 */
public record ClassMember(String classId, String className, Ingredient member, Citation citation) {

    public ClassMember {
        Objects.requireNonNull(classId, "classId");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(citation, "citation");
    }
}
