package org.vigil.disease;

import java.util.Locale;
import java.util.Objects;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.ClassMember;
import org.vigil.knowledge.Ingredient;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.knowledge.condition.ConditionGroup;
import org.vigil.knowledge.disease.DiseaseSeverity;
import org.vigil.knowledge.disease.DrugDisease;
import org.vigil.rules.Finding;
import org.vigil.rules.MedicationFact;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.Urgency;

/**
 * A draft order with an ingredient that one of the patient's standing conditions makes
 * contraindicated or risky, per one row of the drug-disease table.
 *
 * @param groupName the readable name of the row's condition group, e.g. "Heart failure"
 * @param className the readable name of the drug class the row names, or null for an ingredient row
 */
public record DiseaseFinding(
        MedicationRef order,
        Ingredient ingredient,
        PatientCondition condition,
        DrugDisease conflict,
        String groupName,
        String className)
        implements Finding {

    public static final String RULE_ID = "DIS-001";
    public static final String TITLE = "ordered drug is contraindicated or risky in a condition the patient has";

    public DiseaseFinding {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(ingredient, "ingredient");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(conflict, "conflict");
        groupName = groupName == null || groupName.isBlank() ? conflict.conditionGroup() : groupName;
    }

    /** Resolves the group's and the class's readable names from the snapshot the rule ran on. */
    public static DiseaseFinding of(
            MedicationFact draft,
            Ingredient ingredient,
            PatientCondition condition,
            DrugDisease conflict,
            KnowledgeSnapshot knowledge) {
        String groupName = knowledge
                .conditions()
                .group(conflict.conditionGroup())
                .map(ConditionGroup::name)
                .orElse(conflict.conditionGroup());
        String className = null;
        if (conflict.drug().isClass()) {
            className = conflict.drug().classId();
            for (ClassMember member : knowledge.drugs().classMembers()) {
                if (member.classId().equals(conflict.drug().classId())) {
                    className = member.className();
                    break;
                }
            }
        }
        return new DiseaseFinding(draft.ref(), ingredient, condition, conflict, groupName, className);
    }

    @Override
    public String ruleId() {
        return RULE_ID;
    }

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public String check() {
        return "disease";
    }

    /**
     * Rows the knowledge marks interruptive are critical when the label contraindicates the drug, a
     * warning otherwise; non-interruptive rows are information.
     */
    @Override
    public Urgency urgency() {
        if (!conflict.interruptive()) {
            return Urgency.INFO;
        }
        return conflict.severity() == DiseaseSeverity.CONTRAINDICATED ? Urgency.CRITICAL : Urgency.WARNING;
    }

    @Override
    public boolean interruptive() {
        return conflict.interruptive();
    }

    @Override
    public Citation citation() {
        return conflict.citation();
    }

    /**
     * One card per order and condition group: the same group recorded twice (an ICD-10-CM and a
     * SNOMED CT entry for heart failure), or reached through two ingredients, is one problem.
     */
    @Override
    public String problemKey() {
        return RULE_ID + '|' + order.reference() + '|' + conflict.conditionGroup();
    }

    @Override
    public String summary() {
        String lead = lead() + groupName + ": ";
        boolean named = order.display()
                .toLowerCase(Locale.ROOT)
                .contains(ingredient.name().toLowerCase(Locale.ROOT));
        String full = lead + order.display() + (named ? "" : " (" + ingredient.name() + ")");
        if (full.length() < 140) {
            return full;
        }
        String shorter = lead + ingredient.name();
        return shorter.length() < 140 ? shorter : lead() + groupName;
    }

    @Override
    public String detail() {
        StringBuilder detail = new StringBuilder();
        detail.append("**")
                .append(order.display())
                .append("** (")
                .append(order.state().label())
                .append(")");
        if (!order.display().equalsIgnoreCase(ingredient.name())) {
            detail.append(" contains **").append(ingredient.name()).append("**");
        }
        if (className != null) {
            detail.append(order.display().equalsIgnoreCase(ingredient.name()) ? " is a " : ", a ")
                    .append(className);
        }
        detail.append(".\n\n**Condition on record:** ").append(recorded());
        detail.append(" (")
                .append(condition.reference())
                .append("), in the group ")
                .append(groupName);
        detail.append("\n\n**Severity:** ")
                .append(conflict.severity().name().toLowerCase(Locale.ROOT))
                .append(conflict.interruptive() ? "" : " (for information)");
        detail.append("\n\n**Why:** ").append(conflict.rationale());
        detail.append("\n\n**Management:** ").append(conflict.management());
        return detail.toString();
    }

    private String lead() {
        return switch (conflict.severity()) {
            case CONTRAINDICATED -> "Contraindicated in ";
            case MAJOR -> "Major risk in ";
            case MODERATE -> "Caution in ";
        };
    }

    /** The condition as the record names it: its text or display and its code, when known. */
    private String recorded() {
        String display = condition.display() == null || condition.display().isBlank() ? groupName : condition.display();
        return condition.code() == null || condition.code().isBlank() ? display : display + ", " + condition.code();
    }
}
