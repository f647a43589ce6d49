package org.vigil.service.packs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vigil.cdshooks.Coding;
import org.vigil.cdshooks.response.Card;
import org.vigil.cdshooks.response.Indicator;
import org.vigil.cdshooks.response.Source;
import org.vigil.rules.Finding;
import org.vigil.service.cards.CardFactory;
import org.vigil.service.cards.PreviouslyOverridden;

/**
 * Writes a pack finding as a card: title → summary (shortened below 140 characters), description
 * → detail, priority → indicator, documentation → links and the source URL; dynamicValue results
 * override summary, detail and indicator. The rule id and check travel in the extension like Vigil's
 * own cards, and an interruptive card offers the same override reasons.
 */
public final class PackCards {

    static final String TOPIC_SYSTEM = "urn:vigil:cds-check";
    static final String CHECK = PackFinding.CHECK;

    private PackCards() {}

    /**
     * The card for a pack finding as the alert policy left it: the finding itself, or the finding
     * marked as overridden before (then informational, saying when and why).
     */
    public static Card card(PackService service, Finding shown) {
        PackFinding finding = packFinding(shown);
        PackAction action = finding.action();
        String summary = CardFactory.shorten(shown.summary());
        String detail = shown.detail();
        String provenance = "*Rule " + action.ruleId() + " · rule pack " + service.knowledgeVersion() + "*";
        detail = detail == null || detail.isBlank() ? provenance : detail + "\n\n" + provenance;
        Indicator indicator = shown == finding ? finding.indicator() : CardFactory.indicator(shown.urgency());
        String label = service.service().title();
        Source source =
                new Source(label, action.sourceUrl(), null, new Coding(TOPIC_SYSTEM, CHECK, "Vigil rule packs"));
        Map<String, Object> extension = new LinkedHashMap<>();
        extension.put(CardFactory.RULE_ID, action.ruleId());
        extension.put(CardFactory.CHECK, CHECK);
        extension.put(CardFactory.KNOWLEDGE_VERSION, service.knowledgeVersion());
        return new Card(
                UUID.randomUUID().toString(),
                summary,
                detail,
                indicator,
                source,
                finding.suggestions(),
                finding.selectionBehavior(),
                shown.interruptive() ? CardFactory.overrideReasons() : List.of(),
                action.links(),
                extension);
    }

    private static PackFinding packFinding(Finding shown) {
        if (shown instanceof PackFinding finding) {
            return finding;
        }
        if (shown instanceof PreviouslyOverridden overridden && overridden.finding() instanceof PackFinding finding) {
            return finding;
        }
        throw new IllegalArgumentException("not a rule pack finding: " + shown.ruleId());
    }
}
