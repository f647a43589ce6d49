package org.vigil.cdshooks.response;

import static org.vigil.cdshooks.Elements.jsonObject;
import static org.vigil.cdshooks.Elements.list;
import static org.vigil.cdshooks.Elements.optionalText;
import static org.vigil.cdshooks.Elements.requirePresent;
import static org.vigil.cdshooks.Elements.requireText;

import java.util.List;
import java.util.Map;
import org.vigil.cdshooks.Coding;
import org.vigil.cdshooks.InvalidElementException;

/**
 * One piece of guidance shown to the clinician. The constructor enforces the spec's card rules, so a
 * card that exists can be sent.
 */
public record Card(
        String uuid,
        String summary,
        String detail,
        Indicator indicator,
        Source source,
        List<Suggestion> suggestions,
        SelectionBehavior selectionBehavior,
        List<Coding> overrideReasons,
        List<Link> links,
        Map<String, Object> extension) {

    /** The spec asks for a summary of fewer than 140 characters. */
    public static final int SUMMARY_LIMIT = 140;

    public Card {
        uuid = optionalText(uuid);
        requireText(summary, "summary");
        int length = summary.codePointCount(0, summary.length());
        if (length >= SUMMARY_LIMIT) {
            throw new InvalidElementException(
                    "summary", "must be shorter than " + SUMMARY_LIMIT + " characters (has " + length + ")");
        }
        detail = optionalText(detail);
        requirePresent(indicator, "indicator");
        requirePresent(source, "source");
        suggestions = list(suggestions, "suggestions");
        if (!suggestions.isEmpty() && selectionBehavior == null) {
            throw new InvalidElementException("selectionBehavior", "is required when suggestions are present");
        }
        // Recommending several suggestions only makes sense when the user may pick several.
        if (selectionBehavior == SelectionBehavior.AT_MOST_ONE
                && suggestions.stream().filter(Suggestion::recommended).count() > 1) {
            throw new InvalidElementException(
                    "suggestions", "at most one suggestion may be recommended when selectionBehavior is at-most-one");
        }
        overrideReasons = list(overrideReasons, "overrideReasons");
        for (int i = 0; i < overrideReasons.size(); i++) {
            if (overrideReasons.get(i).display() == null) {
                throw new InvalidElementException(
                        "overrideReasons[" + i + "].display", "is required so the clinician can read the reason");
            }
        }
        links = list(links, "links");
        extension = jsonObject(extension, "extension");
    }

    /** A card with just the required elements. */
    public static Card of(String summary, Indicator indicator, Source source) {
        return new Card(null, summary, null, indicator, source, null, null, null, null, null);
    }
}
