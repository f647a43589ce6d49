package org.vigil.service.packs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.vigil.cdshooks.Coding;
import org.vigil.cdshooks.response.Card;
import org.vigil.cdshooks.response.Indicator;
import org.vigil.cdshooks.response.Source;
import org.vigil.service.cards.CardFactory;

/**
 * Writes a pack finding as a card: title → summary (shortened below 140 characters), description
 * → detail, priority → indicator, documentation → links and the source URL; dynamicValue results
 * override summary, detail and indicator. The rule id travels in the extension like Vigil's own cards.
 */
public final class PackCards {

    static final String TOPIC_SYSTEM = "urn:vigil:cds-check";
    static final String CHECK = "pack";

    private PackCards() {}

    public static Card card(PackService service, PackFinding finding) {
        PackAction action = finding.action();
        String summary = CardFactory.shorten(
                finding.summary() != null && !finding.summary().isBlank() ? finding.summary() : action.summary());
        String detail = finding.detail() != null ? finding.detail() : action.detail();
        Indicator indicator = finding.indicator() != null ? finding.indicator() : action.indicator();
        String provenance = "*Rule " + action.ruleId() + " · rule pack " + service.knowledgeVersion() + "*";
        detail = detail == null || detail.isBlank() ? provenance : detail + "\n\n" + provenance;
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
                null,
                null,
                null,
                action.links(),
                extension);
    }
}
