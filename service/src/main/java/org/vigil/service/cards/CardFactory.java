package org.vigil.service.cards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vigil.cdshooks.Coding;
import org.vigil.cdshooks.response.Card;
import org.vigil.cdshooks.response.Indicator;
import org.vigil.cdshooks.response.SelectionBehavior;
import org.vigil.cdshooks.response.Source;
import org.vigil.cdshooks.response.Suggestion;
import org.vigil.knowledge.Citation;
import org.vigil.rules.Finding;
import org.vigil.rules.Remedy;
import org.vigil.rules.Urgency;

/**
 * Writes a finding as a CDS Hooks card a pharmacist would accept: a summary naming the drugs, a
 * detail with the evidence, the advice and the cited source, a suggestion that acts on the order,
 * override reasons on interruptive cards, and the rule id.
 */
public final class CardFactory {

    /** Card extension keys under which the rule and knowledge version travel with each card. */
    public static final String RULE_ID = "org.vigil.ruleId";

    public static final String CHECK = "org.vigil.check";
    public static final String KNOWLEDGE_VERSION = "org.vigil.knowledgeVersion";

    static final String TOPIC_SYSTEM = "urn:vigil:cds-check";
    static final String OVERRIDE_SYSTEM = "urn:vigil:override-reason";
    static final int SUMMARY_LIMIT = 139;

    private static final List<Coding> OVERRIDE_REASONS = List.of(
            new Coding(OVERRIDE_SYSTEM, "benefit-outweighs-risk", "Benefit outweighs the risk for this patient"),
            new Coding(OVERRIDE_SYSTEM, "tolerated-before", "Patient has tolerated this before"),
            new Coding(OVERRIDE_SYSTEM, "will-monitor", "Will monitor the patient or adjust the dose"),
            new Coding(OVERRIDE_SYSTEM, "not-applicable", "Alert does not apply to this patient"));

    public Card card(Finding finding, String knowledgeVersion, CardContext context) {
        String summary = shorten(finding.summary());
        String detail = finding.detail();
        List<Suggestion> suggestions = new ArrayList<>(2);
        int actingOnTheOrder = 0;
        for (Remedy remedy : finding.remedies()) {
            Suggestion suggestion = RemedyActions.suggestion(remedy, context, suggestions.isEmpty());
            if (suggestion != null) {
                suggestions.add(suggestion);
                actingOnTheOrder += RemedyActions.actsOnTheOrder(remedy) ? 1 : 0;
            }
        }
        // Removing the order and changing its dose exclude each other; ordering a lab or naloxone as
        // well does not, so such a card lets the prescriber take several.
        SelectionBehavior selection = suggestions.isEmpty()
                ? null
                : suggestions.size() > 1 && actingOnTheOrder <= 1
                        ? SelectionBehavior.ANY
                        : SelectionBehavior.AT_MOST_ONE;
        return new Card(
                UUID.randomUUID().toString(),
                summary,
                withProvenance(detail, finding, knowledgeVersion),
                indicator(finding.urgency()),
                source(finding),
                suggestions,
                selection,
                finding.interruptive() ? OVERRIDE_REASONS : List.of(),
                List.of(),
                extension(finding, knowledgeVersion));
    }

    /** The override reasons every interruptive card offers, rule pack cards included. */
    public static List<Coding> overrideReasons() {
        return OVERRIDE_REASONS;
    }

    public static Indicator indicator(Urgency urgency) {
        return switch (urgency) {
            case CRITICAL -> Indicator.CRITICAL;
            case WARNING -> Indicator.WARNING;
            case INFO -> Indicator.INFO;
        };
    }

    private static String withProvenance(String detail, Finding finding, String knowledgeVersion) {
        StringBuilder text = new StringBuilder(detail == null ? "" : detail);
        Citation citation = finding.citation();
        if (citation != null) {
            text.append("\n\n**Source:** ").append(citation.text());
            if (citation.url() != null && !citation.url().isBlank()) {
                text.append(" (").append(citation.url()).append(')');
            }
        }
        text.append("\n\n*Rule ")
                .append(finding.ruleId())
                .append(": ")
                .append(finding.title())
                .append(" · knowledge version ")
                .append(knowledgeVersion)
                .append('*');
        return text.toString();
    }

    private static Source source(Finding finding) {
        String label = switch (finding.check()) {
            case "interaction" -> "Vigil drug-drug interaction check";
            case "allergy" -> "Vigil drug-allergy check";
            case "duplicate" -> "Vigil therapeutic duplication check";
            case "disease" -> "Vigil drug-disease check";
            case "age" -> "Vigil age check";
            case "renal" -> "Vigil renal dosing check";
            case "druglab" -> "Vigil drug-lab check";
            case "lab" -> "Vigil lab results check";
            case "risk" -> "Vigil risk flags";
            case "dose" -> "Vigil dose check";
            case "route" -> "Vigil route check";
            case "monitoring" -> "Vigil lab monitoring check";
            case "opioid" -> "Vigil opioid safety check";
            default -> "Vigil medication safety";
        };
        Citation citation = finding.citation();
        String url =
                citation != null && citation.url() != null && citation.url().startsWith("http") ? citation.url() : null;
        return new Source(label, url, null, new Coding(TOPIC_SYSTEM, finding.check(), label));
    }

    private static Map<String, Object> extension(Finding finding, String knowledgeVersion) {
        Map<String, Object> extension = new LinkedHashMap<>();
        extension.put(RULE_ID, finding.ruleId());
        extension.put(CHECK, finding.check());
        extension.put(KNOWLEDGE_VERSION, knowledgeVersion);
        return extension;
    }

    /** The text cut below the CDS Hooks summary limit of 140 characters, never inside a character. */
    public static String shorten(String text) {
        String flat = text.strip();
        return flat.codePointCount(0, flat.length()) <= SUMMARY_LIMIT
                ? flat
                : flat.substring(0, flat.offsetByCodePoints(0, SUMMARY_LIMIT - 1)) + "…";
    }
}
