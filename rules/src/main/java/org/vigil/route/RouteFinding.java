package org.vigil.route;

import java.util.List;
import java.util.Objects;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.Ingredient;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.knowledge.dose.Route;
import org.vigil.knowledge.dose.RouteProblem;
import org.vigil.rules.Finding;
import org.vigil.rules.MedicationFact;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.Text;
import org.vigil.rules.Urgency;

/**
 * A draft order given by a route its ingredient or its dose form must never take: one row of
 * {@code route-constraints.tsv} (an oral dose form never intravenous, a vinca alkaloid intravenous
 * only and never intrathecal). A wrong route is a never event, so the card is critical and
 * interrupts. The card and the alert log carry the row's id (e.g. {@code RC-101}).
 *
 * @param order the draft order
 * @param ingredient the ingredient the constraint was looked up for (a dose-form row holds for
 *     every ingredient of the product; the problem key keeps one card)
 * @param problem the broken row
 * @param route the ordered route in the table's words ({@code intrathecal})
 * @param routeText the route as the prescriber wrote it, or null when only coded
 * @param doseForm the product's RxNorm dose form ("Oral Tablet"), or null when unknown
 * @param onlyRoute the one route the subject of the row may take, when the table gives one
 *     ({@code intravenous} for vincristine), else null
 */
public record RouteFinding(
        MedicationRef order,
        Ingredient ingredient,
        RouteProblem problem,
        String route,
        String routeText,
        String doseForm,
        Route onlyRoute)
        implements Finding {

    /** The rule behind every route finding; the card shows the knowledge row's id instead. */
    public static final String RULE = "RTE-001";

    public RouteFinding {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(ingredient, "ingredient");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(route, "route");
    }

    /** Whether the order states a route the tables know; an unstated route is never guessed. */
    public static boolean hasRoute(MedicationFact order) {
        return order.dosage().route() != null;
    }

    /** The row the order breaks for this ingredient, as a list the rule can iterate. */
    public static List<RouteProblem> problems(
            KnowledgeSnapshot knowledge, MedicationFact order, Ingredient ingredient) {
        String route = order.dosage().route();
        if (route == null) {
            return List.of();
        }
        return knowledge
                .doses()
                .routeConstraints()
                .problem(ingredient.rxcui(), order.medication().doseForm(), route)
                .map(List::of)
                .orElse(List.of());
    }

    public static RouteFinding of(
            KnowledgeSnapshot knowledge, MedicationFact order, Ingredient ingredient, RouteProblem problem) {
        return new RouteFinding(
                order.ref(),
                ingredient,
                problem,
                order.dosage().route(),
                order.dosage().routeText(),
                order.medication().doseForm(),
                onlyRouteOf(knowledge, problem));
    }

    /** The row's subject's single allowed route, from its own row or a sibling 'only' row. */
    static Route onlyRouteOf(KnowledgeSnapshot knowledge, RouteProblem problem) {
        if (problem.rule() == RouteProblem.Rule.ONLY) {
            return problem.route();
        }
        for (RouteProblem row : knowledge.doses().routeConstraints().rules()) {
            if (row.rule() == RouteProblem.Rule.ONLY && row.subject().equals(problem.subject())) {
                return row.route();
            }
        }
        return null;
    }

    @Override
    public String ruleId() {
        return problem.id();
    }

    @Override
    public String title() {
        return "medication ordered by a route it must never take";
    }

    @Override
    public String check() {
        return "route";
    }

    /** A wrong route is a never event: critical whatever the row. */
    @Override
    public Urgency urgency() {
        return Urgency.CRITICAL;
    }

    @Override
    public boolean interruptive() {
        return true;
    }

    @Override
    public Citation citation() {
        return problem.citation();
    }

    /** One card per row and order, even when a dose-form row holds for every ingredient of a combination. */
    @Override
    public String problemKey() {
        return problem.id() + '|' + order.reference();
    }

    /** "Vincristine ordered intrathecal: vincristine given intrathecally is usually fatal; intravenous only". */
    @Override
    public String summary() {
        String full = Text.capitalize(order.display()) + " ordered " + route + ": " + consequence() + onlySuffix();
        if (full.length() < 140) {
            return full;
        }
        String shorter = Text.capitalize(ingredient.name()) + " ordered " + route + ": " + consequence() + onlySuffix();
        if (shorter.length() < 140) {
            return shorter;
        }
        String shortest =
                Text.capitalize(ingredient.name()) + " ordered " + route + ": never by this route" + onlySuffix();
        return shortest.length() < 140 ? shortest : shortest.substring(0, 139);
    }

    @Override
    public String detail() {
        StringBuilder detail = new StringBuilder();
        detail.append("**")
                .append(order.display())
                .append("** (")
                .append(order.state().label())
                .append(") ordered by route **")
                .append(routeText == null || routeText.isBlank() ? route : routeText)
                .append("**");
        if (routeText != null && !routeText.isBlank() && !routeText.equalsIgnoreCase(route)) {
            detail.append(" (read as ").append(route).append(')');
        }
        detail.append("\n\n**Dose form:** ").append(doseForm == null ? "not known" : doseForm);
        detail.append("\n\n**Rule:** ").append(rule());
        detail.append("\n\n**Consequence:** ").append(Text.capitalize(problem.consequence()));
        detail.append("\n\n**Advice:** ").append(advice());
        return detail.toString();
    }

    /** The row in words: "Oral Tablet: never intravenous", "vincristine: intravenous only". */
    private String rule() {
        String subject = problem.kind() == RouteProblem.Kind.DOSE_FORM ? doseFormOfRow() : ingredient.name();
        return problem.rule() == RouteProblem.Rule.FORBIDDEN
                ? subject + ": never " + problem.route().code()
                : subject + ": " + problem.route().code() + " only";
    }

    private String doseFormOfRow() {
        String subject = problem.subject();
        return subject.startsWith("dose-form:") ? subject.substring("dose-form:".length()) : subject;
    }

    private String advice() {
        if (problem.kind() == RouteProblem.Kind.DOSE_FORM) {
            return "Do not give this product by the " + route + " route. Cancel the order and choose a product"
                    + " made for the route you intend, or give this one by its own route"
                    + (problem.rule() == RouteProblem.Rule.ONLY
                            ? " (" + problem.route().code() + ")"
                            : "")
                    + ".";
        }
        String name = ingredient.name();
        if (onlyRoute != null) {
            return "Never give " + name + " by the " + route + " route. Cancel this order; if " + name
                    + " is intended, re-enter it for " + onlyRoute.code() + " use only, and make sure it cannot"
                    + " be given by the " + route + " route.";
        }
        return "Never give " + name + " by the " + route + " route. Cancel this order and re-enter it with a"
                + " route the product is labelled for.";
    }

    /** The row's consequence as one clause: "Oral Tablet is an oral dose form; never inject it intravenously". */
    private String consequence() {
        return problem.consequence().replace(": ", "; ");
    }

    /** "; intravenous only" when the subject has one allowed route the row does not already say. */
    private String onlySuffix() {
        if (onlyRoute == null || problem.rule() == RouteProblem.Rule.ONLY) {
            return "";
        }
        return "; " + onlyRoute.code() + " only";
    }
}
