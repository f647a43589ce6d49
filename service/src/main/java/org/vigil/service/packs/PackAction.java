package org.vigil.service.packs;

import java.util.List;
import java.util.Objects;
import org.vigil.cdshooks.response.Indicator;
import org.vigil.cdshooks.response.Link;

/**
 * One top-level action of a PlanDefinition, ready to become a card: the applicability conditions
 * (library expressions that must all be true) and the card text, with the expressions that override
 * it ({@code dynamicValue}).
 *
 * @param ruleId {@code pack:<PlanDefinition.id>/<action.id>}, carried in the card's extension
 * @param conditions expression names; the card is shown when every one is true
 * @param summary action.title
 * @param detail action.description, or null
 * @param indicator from action.priority
 * @param links action.documentation with a URL
 * @param sourceUrl the first documentation URL, or null
 * @param summaryExpression dynamicValue for {@code summary}/{@code title}, or null
 * @param detailExpression dynamicValue for {@code detail}/{@code description}, or null
 * @param indicatorExpression dynamicValue for {@code indicator}/{@code priority}, or null
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
        String indicatorExpression) {

    public PackAction {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(indicator, "indicator");
        conditions = List.copyOf(conditions);
        links = List.copyOf(links);
    }

    /** Every expression the action needs evaluated. */
    public List<String> expressions() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(conditions);
        for (String e : new String[] {summaryExpression, detailExpression, indicatorExpression}) {
            if (e != null) {
                all.add(e);
            }
        }
        return List.copyOf(all);
    }
}
