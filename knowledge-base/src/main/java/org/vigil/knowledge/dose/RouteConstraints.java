package org.vigil.knowledge.dose;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which routes an ingredient or a dose form must never take. Immutable; a check is at most three
 * hash probes.
 */
public final class RouteConstraints {

    private final Map<Long, Optional<RouteProblem>> forbiddenByIngredient;
    private final Map<Integer, Optional<RouteProblem>> onlyByIngredient;
    private final Map<String, EnumMap<Route, Optional<RouteProblem>>> forbiddenByDoseForm;
    private final Map<String, Optional<RouteProblem>> onlyByDoseForm;
    private final List<RouteProblem> rules;

    RouteConstraints(
            Map<Long, Optional<RouteProblem>> forbiddenByIngredient,
            Map<Integer, Optional<RouteProblem>> onlyByIngredient,
            Map<String, EnumMap<Route, Optional<RouteProblem>>> forbiddenByDoseForm,
            Map<String, Optional<RouteProblem>> onlyByDoseForm,
            List<RouteProblem> rules) {
        this.forbiddenByIngredient = Map.copyOf(forbiddenByIngredient);
        this.onlyByIngredient = Map.copyOf(onlyByIngredient);
        this.forbiddenByDoseForm = Map.copyOf(forbiddenByDoseForm);
        this.onlyByDoseForm = Map.copyOf(onlyByDoseForm);
        this.rules = List.copyOf(rules);
    }

    static long key(int rxcui, Route route) {
        return ((long) rxcui << 8) | route.ordinal();
    }

    static String formKey(String doseForm) {
        return doseForm.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The first constraint an order breaks, most specific first: the ingredient forbidden by this
     * route, the ingredient allowed by another route only, then the dose form forbidden by (or
     * restricted to another than) this route. {@code doseForm} is an RxNorm dose form name ("Oral
     * Tablet") and may be null; empty for an unknown route, or when nothing is broken.
     */
    public Optional<RouteProblem> problem(int rxcui, String doseForm, String route) {
        Route given = Route.lookup(route);
        if (given == null || given == Route.ANY) {
            return Optional.empty();
        }
        Optional<RouteProblem> forbidden = forbiddenByIngredient.get(key(rxcui, given));
        if (forbidden != null) {
            return forbidden;
        }
        Optional<RouteProblem> only = onlyByIngredient.get(rxcui);
        if (only != null && only.get().route() != given) {
            return only;
        }
        if (doseForm == null || doseForm.isBlank()) {
            return Optional.empty();
        }
        String form = formKey(doseForm);
        EnumMap<Route, Optional<RouteProblem>> byRoute = forbiddenByDoseForm.get(form);
        if (byRoute != null) {
            Optional<RouteProblem> problem = byRoute.get(given);
            if (problem != null) {
                return problem;
            }
        }
        Optional<RouteProblem> formOnly = onlyByDoseForm.get(form);
        if (formOnly != null && formOnly.get().route() != given) {
            return formOnly;
        }
        return Optional.empty();
    }

    /** Every rule as loaded, in table order. */
    public List<RouteProblem> rules() {
        return rules;
    }
}
