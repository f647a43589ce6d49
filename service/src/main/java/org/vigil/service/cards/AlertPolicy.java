package org.vigil.service.cards;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.vigil.rules.Finding;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.Urgency;

/**
 * Between findings and cards, so the prescriber sees each clinical problem once:
 *
 * <ul>
 *   <li>the same finding reached twice (the same pair seen from both draft orders, or through two
 *       classes) is one card, the most urgent;
 *   <li>findings of different checks about the same two orders (an interaction and a duplication of
 *       the same pair, the opioid check and the interaction check on an opioid with a
 *       benzodiazepine) are one card, led by the most urgent and, at equal urgency, the one that
 *       offers more to do;
 *   <li>one rule firing on one draft order against several others (simvastatin against three active
 *       statins) is one card naming them all;
 *   <li>informational findings of the checks configured as hidden (the interaction table's
 *       non-interruptive pairs, say) are not shown;
 * </ul>
 *
 * and the most urgent come first.
 */
public final class AlertPolicy {

    private static final Comparator<Finding> MOST_URGENT_FIRST = Comparator.comparing(Finding::urgency)
            .reversed()
            .thenComparing(Finding::ruleId)
            .thenComparing(finding -> finding.order().reference());

    /**
     * Which check speaks for a problem several checks found, at equal urgency and remedies: the one
     * saying most precisely what is wrong (a dose total says more than "the same ingredient twice").
     */
    private static final List<String> PRECEDENCE = List.of(
            "duplicate", "interaction", "disease", "age", "renal", "druglab", "allergy", "opioid", "dose", "route");

    /**
     * Leads a merged card: the most urgent, then the one offering more remedies, then the check
     * with precedence, then the first seen.
     */
    private static final Comparator<Finding> LEADS = Comparator.comparing(Finding::urgency)
            .thenComparingInt(finding -> finding.remedies().size())
            .thenComparingInt(finding -> PRECEDENCE.indexOf(finding.check()));

    private final Set<String> hiddenInformationalChecks;

    public AlertPolicy() {
        this(Set.of());
    }

    /** @param hiddenInformationalChecks checks whose non-interruptive informational findings are not shown */
    public AlertPolicy(Set<String> hiddenInformationalChecks) {
        this.hiddenInformationalChecks = Set.copyOf(hiddenInformationalChecks);
    }

    public List<Finding> select(List<Finding> findings) {
        if (findings.isEmpty()) {
            return findings;
        }
        List<Finding> shown = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            if (!hidden(finding)) {
                shown.add(finding);
            }
        }
        if (shown.size() > 1) {
            shown = merge(shown, Finding::problemKey, null);
            shown = merge(shown, AlertPolicy::sameOrders, MergedFinding.Kind.SAME_ORDERS);
            shown = merge(shown, AlertPolicy::sameRuleAndOrder, MergedFinding.Kind.SAME_RULE_AND_ORDER);
            shown.sort(MOST_URGENT_FIRST);
        }
        return shown;
    }

    private boolean hidden(Finding finding) {
        return finding.urgency() == Urgency.INFO
                && !finding.interruptive()
                && hiddenInformationalChecks.contains(finding.check());
    }

    /**
     * Groups the findings by key (null: never grouped) and makes each group of several one finding:
     * its lead alone when the others repeat the same problem (no kind), otherwise the lead naming the others.
     */
    private static List<Finding> merge(
            List<Finding> findings, java.util.function.Function<Finding, String> key, MergedFinding.Kind kind) {
        Map<Object, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding finding : findings) {
            String k = key.apply(finding);
            groups.computeIfAbsent(k == null ? new Object() : k, ignored -> new ArrayList<>(2))
                    .add(finding);
        }
        if (groups.size() == findings.size()) {
            return new ArrayList<>(findings);
        }
        List<Finding> merged = new ArrayList<>(groups.size());
        for (List<Finding> group : groups.values()) {
            if (group.size() == 1) {
                merged.add(group.get(0));
            } else {
                MergedFinding merge = MergedFinding.of(group, LEADS, kind);
                merged.add(kind == null ? merge.lead() : merge);
            }
        }
        return merged;
    }

    /** The two orders of a finding about a pair, in either order; null for a finding about one order. */
    private static String sameOrders(Finding finding) {
        List<MedicationRef> involved = finding.involved();
        if (involved.size() < 2) {
            return null;
        }
        Set<String> references = new TreeSet<>();
        for (MedicationRef ref : involved) {
            references.add(ref.reference());
        }
        return String.join("|", references);
    }

    private static String sameRuleAndOrder(Finding finding) {
        return finding.ruleId() + '|' + finding.order().reference();
    }
}
