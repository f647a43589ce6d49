package org.vigil.knowledge.dose;

import java.util.Objects;
import org.vigil.knowledge.Citation;

/**
 * A route constraint an order breaks, i.e. one row of {@code route-constraints.tsv}.
 *
 * @param id the rule id, e.g. {@code RC-101}
 * @param subject the row's subject as written ({@code dose-form:Oral Tablet}, an RxCUI or
 *     {@code class:<id>})
 * @param kind whether the rule is about a dose form or an ingredient
 * @param rule forbidden (never by {@link #route}) or only (by {@link #route} and no other)
 * @param route the forbidden route, or the only allowed one
 * @param consequence what the pharmacist is told
 * @param citation where the rule comes from
 */
public record RouteProblem(
        String id, String subject, Kind kind, Rule rule, Route route, String consequence, Citation citation) {

    public enum Kind {
        DOSE_FORM,
        INGREDIENT
    }

    public enum Rule {
        FORBIDDEN,
        ONLY
    }

    public RouteProblem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(consequence, "consequence");
        Objects.requireNonNull(citation, "citation");
    }
}
