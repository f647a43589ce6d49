package org.vigil.service.cards;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.rules.Finding;

/**
 * Between findings and cards: one card per clinical problem (the same pair seen from both draft
 * orders, or reached twice, is one problem), most urgent first.
 */
public final class AlertPolicy {

    private static final Comparator<Finding> MOST_URGENT_FIRST = Comparator.comparing(Finding::urgency)
            .reversed()
            .thenComparing(Finding::ruleId)
            .thenComparing(finding -> finding.order().reference());

    public List<Finding> select(List<Finding> findings) {
        if (findings.size() <= 1) {
            return findings;
        }
        Map<String, Finding> byProblem = new LinkedHashMap<>();
        for (Finding finding : findings) {
            byProblem.merge(
                    finding.problemKey(),
                    finding,
                    (kept, other) -> other.urgency().compareTo(kept.urgency()) > 0 ? other : kept);
        }
        List<Finding> selected = new ArrayList<>(byProblem.values());
        selected.sort(MOST_URGENT_FIRST);
        return selected;
    }
}
