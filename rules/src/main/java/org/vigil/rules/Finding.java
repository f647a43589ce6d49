package org.vigil.rules;

import java.util.List;
import org.vigil.knowledge.Citation;

/**
 * One clinical problem found by a rule. Rules produce findings; the service turns them into cards.
 * Every finding names the stable rule id that raised it and the cited knowledge behind it.
 */
public interface Finding {

    /** Stable id shown on the card and in the alert log, e.g. {@code DDI-011}. */
    String ruleId();

    /** The rule's title in the clinic's words. */
    String title();

    /** The check that raised it: {@code interaction}, {@code allergy}, ... */
    String check();

    Urgency urgency();

    /** Whether the finding deserves to interrupt the prescriber. */
    boolean interruptive();

    /** The draft order the finding is about (the one a suggestion would remove). */
    MedicationRef order();

    Citation citation();

    /**
     * The orders the problem is about: the draft order first, then, for a problem between two drugs,
     * the other one. The alert policy shows one card for findings of different checks about the
     * same orders (an interaction and a duplication of the same pair, say).
     */
    default List<MedicationRef> involved() {
        return List.of(order());
    }

    /** Two findings with the same key describe the same clinical problem and become one card. */
    String problemKey();

    /**
     * One sentence naming the problem and the drugs, in the clinic's words; the card shortens it
     * below 140 characters if it must.
     */
    String summary();

    /**
     * Markdown: what was found and the values used (doses, results and their dates, the allergy and
     * its reaction), then the management advice. The source and the rule id are added by the service.
     */
    String detail();

    /**
     * What the card offers to do, best first. By default a finding worth a warning offers to remove
     * the draft order and an informational one offers nothing.
     */
    default List<Remedy> remedies() {
        return urgency() == Urgency.INFO ? List.of() : List.of(new Remedy.RemoveOrder(order()));
    }
}
