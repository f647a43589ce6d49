package org.vigil.service.cards;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.vigil.allergy.AllergyFinding;
import org.vigil.cdshooks.Coding;
import org.vigil.cdshooks.response.Action;
import org.vigil.cdshooks.response.ActionType;
import org.vigil.cdshooks.response.Card;
import org.vigil.cdshooks.response.Indicator;
import org.vigil.cdshooks.response.SelectionBehavior;
import org.vigil.cdshooks.response.Source;
import org.vigil.cdshooks.response.Suggestion;
import org.vigil.interaction.InteractionFinding;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.Interaction;
import org.vigil.recognition.UnrecognizedMedicationFinding;
import org.vigil.rules.Finding;
import org.vigil.rules.MedicationRef;
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

    public Card card(Finding finding, String knowledgeVersion) {
        String summary;
        String detail;
        if (finding instanceof InteractionFinding interaction) {
            summary = interactionSummary(interaction);
            detail = interactionDetail(interaction);
        } else if (finding instanceof AllergyFinding allergy) {
            summary = allergySummary(allergy);
            detail = allergyDetail(allergy);
        } else if (finding instanceof UnrecognizedMedicationFinding unrecognized) {
            summary = shorten("Not checked: " + unrecognized.order().display() + " could not be recognised");
            detail = "Vigil could not match **" + unrecognized.order().display() + "** to an RxNorm ingredient or"
                    + " clinical drug, so no interaction, allergy or other check was made for this order."
                    + " Review it without decision support, or choose a coded medication.";
        } else {
            summary = shorten(finding.title());
            detail = null;
        }
        boolean actionable = finding.urgency() != Urgency.INFO;
        return new Card(
                UUID.randomUUID().toString(),
                summary,
                withProvenance(detail, finding, knowledgeVersion),
                indicator(finding.urgency()),
                source(finding),
                actionable ? List.of(removeOrder(finding.order())) : List.of(),
                actionable ? SelectionBehavior.AT_MOST_ONE : null,
                finding.interruptive() ? OVERRIDE_REASONS : List.of(),
                List.of(),
                extension(finding, knowledgeVersion));
    }

    static Indicator indicator(Urgency urgency) {
        return switch (urgency) {
            case CRITICAL -> Indicator.CRITICAL;
            case WARNING -> Indicator.WARNING;
            case INFO -> Indicator.INFO;
        };
    }

    private static String interactionSummary(InteractionFinding finding) {
        Interaction interaction = finding.interaction();
        String severity = capitalize(interaction.severity().name().toLowerCase(Locale.ROOT));
        String full = severity + " interaction: " + finding.order().display() + " with "
                + finding.other().display() + " (" + finding.other().state().label() + ")";
        if (full.length() <= SUMMARY_LIMIT) {
            return full;
        }
        return shorten(severity + " interaction: " + interaction.title());
    }

    private static String interactionDetail(InteractionFinding finding) {
        Interaction interaction = finding.interaction();
        return "**" + finding.order().display() + "** ("
                + finding.order().state().label() + ") with **"
                + finding.other().display() + "** (" + finding.other().state().label() + ")\n\n"
                + "**Severity:** " + interaction.severity().name().toLowerCase(Locale.ROOT) + "\n\n"
                + "**Mechanism:** " + interaction.mechanism() + "\n\n"
                + "**Clinical effect:** " + interaction.clinicalEffect() + "\n\n"
                + "**Management:** " + interaction.management();
    }

    private static String allergySummary(AllergyFinding finding) {
        String kind = finding.ruleId().equals("ALG-002") ? "Intolerance" : "Allergy";
        return shorten(kind + ": " + finding.order().display() + " contains "
                + finding.ingredient().name() + "; recorded " + kind.toLowerCase(Locale.ROOT) + " to "
                + substanceOf(finding));
    }

    private static String allergyDetail(AllergyFinding finding) {
        StringBuilder detail = new StringBuilder();
        detail.append("**")
                .append(finding.order().display())
                .append("** contains **")
                .append(finding.ingredient().name())
                .append("**.\n\n");
        detail.append("**Recorded ")
                .append(finding.allergy().type().name().toLowerCase(Locale.ROOT).replace("unstated", "allergy"))
                .append(":** ")
                .append(substanceOf(finding));
        if (finding.allergy().criticality() != null) {
            detail.append(" (criticality ")
                    .append(finding.allergy().criticality())
                    .append(')');
        }
        detail.append("\n\n**Reaction:** ")
                .append(
                        finding.allergy().reactions().isEmpty()
                                ? "not recorded"
                                : String.join(", ", finding.allergy().reactions()));
        detail.append("\n\n**Verification:** ")
                .append(finding.allergy()
                        .verification()
                        .name()
                        .toLowerCase(Locale.ROOT)
                        .replace('_', ' '));
        detail.append("\n\n**Management:** Do not give unless the allergy has been assessed and the benefit"
                + " outweighs the risk; choose an alternative that does not contain this ingredient.");
        return detail.toString();
    }

    private static String substanceOf(AllergyFinding finding) {
        String substance = finding.allergy().substance();
        return substance == null || substance.isBlank() ? finding.ingredient().name() : substance;
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
            default -> "Vigil medication safety";
        };
        Citation citation = finding.citation();
        String url =
                citation != null && citation.url() != null && citation.url().startsWith("http") ? citation.url() : null;
        return new Source(label, url, null, new Coding(TOPIC_SYSTEM, finding.check(), label));
    }

    private static Suggestion removeOrder(MedicationRef order) {
        Action delete =
                new Action(ActionType.DELETE, "Remove the draft order for " + order.display(), null, order.reference());
        return new Suggestion(
                shorten("Remove " + order.display()), UUID.randomUUID().toString(), true, List.of(delete));
    }

    private static Map<String, Object> extension(Finding finding, String knowledgeVersion) {
        Map<String, Object> extension = new LinkedHashMap<>();
        extension.put(RULE_ID, finding.ruleId());
        extension.put(CHECK, finding.check());
        extension.put(KNOWLEDGE_VERSION, knowledgeVersion);
        return extension;
    }

    static String shorten(String text) {
        return text.length() <= SUMMARY_LIMIT ? text : text.substring(0, SUMMARY_LIMIT - 1) + "…";
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
