package org.vigil.service.cards;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vigil.knowledge.Citation;
import org.vigil.rules.Finding;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.Remedy;
import org.vigil.rules.Urgency;

/**
 * Several findings about one clinical problem shown as one card: the leading finding speaks, the
 * others are named in the detail, and the card offers every distinct remedy (the lead's first).
 */
record MergedFinding(Finding lead, List<Finding> also, Kind kind) implements Finding {

    /** What the merged findings share. */
    enum Kind {
        /** The same two orders, seen by different checks: one problem, told once. */
        SAME_ORDERS,
        /** The same rule on the same draft order against several others: the card counts them. */
        SAME_RULE_AND_ORDER
    }

    MergedFinding {
        also = List.copyOf(also);
    }

    /** The group led by its greatest finding by {@code leads}; the first seen wins a tie. */
    static MergedFinding of(List<Finding> group, Comparator<Finding> leads, Kind kind) {
        Finding lead = group.get(0);
        for (Finding candidate : group) {
            if (leads.compare(candidate, lead) > 0) {
                lead = candidate;
            }
        }
        List<Finding> also = new ArrayList<>(group.size() - 1);
        for (Finding finding : group) {
            if (finding != lead) {
                also.add(finding);
            }
        }
        return new MergedFinding(lead, also, kind);
    }

    @Override
    public String ruleId() {
        return lead.ruleId();
    }

    @Override
    public String title() {
        return lead.title();
    }

    @Override
    public String check() {
        return lead.check();
    }

    @Override
    public Urgency urgency() {
        return lead.urgency();
    }

    /** Interrupts if any of the merged findings deserves to. */
    @Override
    public boolean interruptive() {
        if (lead.interruptive()) {
            return true;
        }
        for (Finding finding : also) {
            if (finding.interruptive()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public MedicationRef order() {
        return lead.order();
    }

    @Override
    public Citation citation() {
        return lead.citation();
    }

    @Override
    public String problemKey() {
        return lead.problemKey();
    }

    @Override
    public List<MedicationRef> involved() {
        return lead.involved();
    }

    /** The lead's summary; for one rule against several orders, how many more it covers when that fits. */
    @Override
    public String summary() {
        String summary = lead.summary();
        if (kind != Kind.SAME_RULE_AND_ORDER) {
            return summary;
        }
        String more = " (+" + also.size() + " more)";
        return summary.length() + more.length() < 140 ? summary + more : summary;
    }

    @Override
    public String detail() {
        StringBuilder detail = new StringBuilder(lead.detail());
        detail.append(
                kind == Kind.SAME_ORDERS
                        ? "\n\n**The same orders, also found by another check:**"
                        : "\n\n**The same problem with other orders:**");
        for (Finding finding : also) {
            detail.append("\n- ").append(finding.ruleId()).append(": ").append(finding.summary());
            Citation citation = finding.citation();
            if (citation != null && !citation.equals(lead.citation())) {
                detail.append(" (source: ").append(citation.text()).append(')');
            }
        }
        return detail.toString();
    }

    @Override
    public List<Remedy> remedies() {
        Set<Remedy> remedies = new LinkedHashSet<>(lead.remedies());
        for (Finding finding : also) {
            remedies.addAll(finding.remedies());
        }
        return List.copyOf(remedies);
    }
}
