package org.vigil.service.cards;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import org.vigil.knowledge.Citation;
import org.vigil.rules.Finding;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.Remedy;
import org.vigil.rules.Urgency;
import org.vigil.service.suppression.OverrideMemory;

/**
 * An interruptive finding the same prescriber overrode for the same patient and drugs within the
 * override window: shown for information, saying when it was overridden and why, instead of
 * interrupting again.
 */
public record PreviouslyOverridden(Finding finding, OverrideMemory.PastOverride override, Duration window)
        implements Finding {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    public PreviouslyOverridden {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(override, "override");
        Objects.requireNonNull(window, "window");
    }

    @Override
    public String ruleId() {
        return finding.ruleId();
    }

    @Override
    public String title() {
        return finding.title();
    }

    @Override
    public String check() {
        return finding.check();
    }

    @Override
    public Urgency urgency() {
        return Urgency.INFO;
    }

    @Override
    public boolean interruptive() {
        return false;
    }

    @Override
    public MedicationRef order() {
        return finding.order();
    }

    @Override
    public Citation citation() {
        return finding.citation();
    }

    @Override
    public String problemKey() {
        return finding.problemKey();
    }

    @Override
    public List<MedicationRef> involved() {
        return finding.involved();
    }

    @Override
    public String summary() {
        String summary = finding.summary();
        String marked = "Overridden before: " + summary;
        return marked.length() < 140 ? marked : summary;
    }

    @Override
    public String detail() {
        return finding.detail()
                + "\n\n**Overridden before:** you overrode this alert for "
                + (aboutThePatientOnly() ? "this patient" : "this patient and these drugs")
                + " on "
                + WHEN.format(override.at().atOffset(ZoneOffset.UTC))
                + (override.reason() == null ? "" : " (" + override.reason() + ")")
                + ". It is shown for information and will interrupt again after "
                + WHEN.format(override.at().plus(window).atOffset(ZoneOffset.UTC)) + ".";
    }

    /** A chart alert (a risk flag, a rule pack's card) names the patient, not an order. */
    private boolean aboutThePatientOnly() {
        for (MedicationRef ref : finding.involved()) {
            if (!ref.reference().startsWith("Patient/")) {
                return false;
            }
        }
        return true;
    }

    /** The original remedies stay on offer. */
    @Override
    public List<Remedy> remedies() {
        return finding.remedies();
    }
}
