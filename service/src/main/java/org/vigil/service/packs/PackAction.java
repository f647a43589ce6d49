package org.vigil.service.packs;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.vigil.cdshooks.response.Indicator;
import org.vigil.cdshooks.response.Link;

/**
 * One action of a PlanDefinition: a card, a group of cards, or a suggestion on its parent's card.
 * It applies when its own applicability conditions (library expressions, all true) hold and its
 * parent applies; among a parent's applicable children its selection behaviour chooses.
 *
 * @param ruleId {@code pack:<PlanDefinition.id>/<action.id>}, carried in the card's extension
 * @param conditions expression names; the action applies when every one is true (none: as its parent)
 * @param summary action.title (a suggestion's label), or null for a group without one
 * @param detail action.description, or null
 * @param indicator from action.priority
 * @param links action.documentation with a URL
 * @param sourceUrl the first documentation URL, or null
 * @param summaryExpression dynamicValue for {@code summary}/{@code title}, or null
 * @param detailExpression dynamicValue for {@code detail}/{@code description}, or null
 * @param indicatorExpression dynamicValue for {@code indicator}/{@code priority}, or null
 * @param selection how the applicable children are chosen (action.selectionBehavior; any by default)
 * @param children the nested actions (action.action)
 * @param suggestion what a suggestion creates, or null when the action is a card or a group
 */
public record PackAction(
        String ruleId,
        List<String> conditions,
        String summary,
        String detail,
        Indicator indicator,
        List<Link> links,
        String sourceUrl,
        String summaryExpression,
        String detailExpression,
        String indicatorExpression,
        Selection selection,
        List<PackAction> children,
        PackSuggestion suggestion) {

    /** FHIR action-selection-behavior. */
    public enum Selection {
        ANY("any"),
        ALL("all"),
        ALL_OR_NONE("all-or-none"),
        EXACTLY_ONE("exactly-one"),
        AT_MOST_ONE("at-most-one"),
        ONE_OR_MORE("one-or-more");

        private final String code;

        Selection(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Optional<Selection> fromCode(String code) {
            String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
            for (Selection selection : values()) {
                if (selection.code.equals(c)) {
                    return Optional.of(selection);
                }
            }
            return Optional.empty();
        }
    }

    public PackAction {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(indicator, "indicator");
        conditions = List.copyOf(conditions);
        links = List.copyOf(links);
        selection = selection == null ? Selection.ANY : selection;
        children = List.copyOf(children);
    }

    /** A card action without nested actions. */
    public PackAction(
            String ruleId,
            List<String> conditions,
            String summary,
            String detail,
            Indicator indicator,
            List<Link> links,
            String sourceUrl,
            String summaryExpression,
            String detailExpression,
            String indicatorExpression) {
        this(
                ruleId,
                conditions,
                summary,
                detail,
                indicator,
                links,
                sourceUrl,
                summaryExpression,
                detailExpression,
                indicatorExpression,
                Selection.ANY,
                List.of(),
                null);
    }

    /** A suggestion on its parent's card. */
    public boolean isSuggestion() {
        return suggestion != null;
    }

    /** A group: its children are cards (or groups); it shows no card of its own. */
    public boolean isGroup() {
        return !children.isEmpty() && !children.get(0).isSuggestion();
    }

    /** Every expression this action and its children need evaluated. */
    public List<String> expressions() {
        LinkedHashSet<String> all = new LinkedHashSet<>(conditions);
        for (String e : new String[] {summaryExpression, detailExpression, indicatorExpression}) {
            if (e != null) {
                all.add(e);
            }
        }
        children.forEach(child -> all.addAll(child.expressions()));
        return List.copyOf(all);
    }
}
