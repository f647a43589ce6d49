package org.vigil.service.packs;

import java.util.List;
import java.util.Objects;
import org.vigil.cdshooks.response.Indicator;
import org.vigil.cdshooks.response.SelectionBehavior;
import org.vigil.cdshooks.response.Suggestion;
import org.vigil.knowledge.Citation;
import org.vigil.rules.Finding;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.OrderState;
import org.vigil.rules.Remedy;
import org.vigil.rules.Urgency;

/**
 * An action whose conditions held for this patient, as a finding like any of Vigil's own: it goes
 * through the alert policy and the override memory. Its problem is the rule on this patient (a
 * pack card is about the chart, not an order); a warning or critical card interrupts and can be
 * overridden, an informational one does not.
 *
 * @param action the PlanDefinition action that applied
 * @param summary the card's summary: the action's dynamicValue for it, else its title
 * @param detail the card's detail without provenance: the dynamicValue, else the description, else empty
 * @param indicator the dynamicValue for it when it names one, else the action's priority
 * @param patient the patient the card is about, as the finding's "order"
 * @param suggestions what the card offers to create (its nested suggestion actions as chosen)
 * @param selectionBehavior how the clinician may take them; null without suggestions
 */
public record PackFinding(
        PackAction action,
        String summary,
        String detail,
        Indicator indicator,
        MedicationRef patient,
        List<Suggestion> suggestions,
        SelectionBehavior selectionBehavior)
        implements Finding {

    public static final String CHECK = "pack";

    public PackFinding {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(patient, "patient");
        summary = summary == null || summary.isBlank() ? action.summary() : summary;
        detail = detail == null ? "" : detail;
        suggestions = List.copyOf(suggestions);
    }

    /** A card without suggestions. */
    public PackFinding(PackAction action, String summary, String detail, Indicator indicator, MedicationRef patient) {
        this(action, summary, detail, indicator, patient, List.of(), null);
    }

    /** The patient of a call as a finding's subject. */
    static MedicationRef patientRef(String patientId) {
        String reference = patientId == null || patientId.isBlank()
                ? "Patient/unknown"
                : patientId.startsWith("Patient/") ? patientId : "Patient/" + patientId;
        return new MedicationRef(reference, "this patient", OrderState.ACTIVE);
    }

    @Override
    public String ruleId() {
        return action.ruleId();
    }

    @Override
    public String title() {
        return action.summary();
    }

    @Override
    public String check() {
        return CHECK;
    }

    @Override
    public Urgency urgency() {
        return switch (indicator) {
            case CRITICAL -> Urgency.CRITICAL;
            case WARNING -> Urgency.WARNING;
            case INFO -> Urgency.INFO;
        };
    }

    /** Warning and critical pack cards interrupt (and offer override reasons); info cards do not. */
    @Override
    public boolean interruptive() {
        return indicator != Indicator.INFO;
    }

    @Override
    public MedicationRef order() {
        return patient;
    }

    /** The action's first documentation link, when it has one with a label. */
    @Override
    public Citation citation() {
        if (action.sourceUrl() == null) {
            return null;
        }
        String label = action.links().isEmpty()
                ? action.sourceUrl()
                : action.links().get(0).label();
        return new Citation(label, action.sourceUrl());
    }

    /** The same rule on the same patient is one problem. */
    @Override
    public String problemKey() {
        return action.ruleId() + '|' + patient.reference();
    }

    /** A pack card offers no order to remove: its suggestions come from the pack itself. */
    @Override
    public List<Remedy> remedies() {
        return List.of();
    }
}
