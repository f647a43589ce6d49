package org.vigil.age;

import java.time.LocalDate;
import java.util.Objects;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.ClassMember;
import org.vigil.knowledge.Ingredient;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.knowledge.age.AgeAction;
import org.vigil.knowledge.age.AgeCriterion;
import org.vigil.knowledge.age.AgePopulation;
import org.vigil.rules.Finding;
import org.vigil.rules.MedicationFact;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.Patient;
import org.vigil.rules.Urgency;

/**
 * A draft order with an ingredient that an age criterion flags at the patient's age: a drug to
 * avoid in older adults, or one contraindicated (or to be used with care) in children.
 *
 * @param ageInYears the patient's age in whole years on the day of the check
 * @param birthDate the recorded birth date
 * @param className the readable name of the drug class the row names, or null for an ingredient row
 */
public record AgeFinding(
        String ruleId,
        String title,
        MedicationRef order,
        Ingredient ingredient,
        AgeCriterion criterion,
        int ageInYears,
        LocalDate birthDate,
        String className)
        implements Finding {

    public AgeFinding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(ingredient, "ingredient");
        Objects.requireNonNull(criterion, "criterion");
        if (ageInYears < 0) {
            throw new IllegalArgumentException("an age finding needs a known age");
        }
    }

    public static AgeFinding of(
            String ruleId,
            String title,
            MedicationFact draft,
            Ingredient ingredient,
            AgeCriterion criterion,
            Patient patient,
            KnowledgeSnapshot knowledge) {
        String className = null;
        if (criterion.drug().isClass()) {
            className = criterion.drug().classId();
            for (ClassMember member : knowledge.drugs().classMembers()) {
                if (member.classId().equals(criterion.drug().classId())) {
                    className = member.className();
                    break;
                }
            }
        }
        return new AgeFinding(
                ruleId,
                title,
                draft.ref(),
                ingredient,
                criterion,
                patient.ageInYears(),
                patient.birthDate(),
                className);
    }

    @Override
    public String check() {
        return "age";
    }

    /** Contraindicated is critical, avoid a warning (both interrupt); caution is information. */
    @Override
    public Urgency urgency() {
        return switch (criterion.action()) {
            case CONTRAINDICATED -> Urgency.CRITICAL;
            case AVOID -> Urgency.WARNING;
            case CAUTION -> Urgency.INFO;
        };
    }

    @Override
    public boolean interruptive() {
        return criterion.action() != AgeAction.CAUTION;
    }

    @Override
    public Citation citation() {
        return criterion.citation();
    }

    /**
     * One card per order and rule: a combination product reaching two criteria (codeine and aspirin
     * for a child) is one age problem, shown by its strongest criterion.
     */
    @Override
    public String problemKey() {
        return ruleId + '|' + order.reference();
    }

    @Override
    public String summary() {
        String lead = actionLabel() + " " + bound() + ": ";
        String tail = " (patient is " + ageInYears + ")";
        String full = lead + order.display() + tail;
        return full.length() < 140 ? full : lead + ingredient.name() + tail;
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
        detail.append(".\n\n**Patient age:** ").append(ageInYears).append(ageInYears == 1 ? " year" : " years");
        if (birthDate != null) {
            detail.append(" (born ").append(birthDate).append(')');
        }
        detail.append("\n\n**Criterion:** ")
                .append(criterion.population() == AgePopulation.OLDER_ADULT ? "older adults, " : "children, ")
                .append(bound())
                .append(": ")
                .append(actionLabel().toLowerCase(java.util.Locale.ROOT));
        detail.append("\n\n**Why:** ").append(criterion.rationale());
        detail.append("\n\n**Management:** ").append(management());
        return detail.toString();
    }

    private String actionLabel() {
        return switch (criterion.action()) {
            case CONTRAINDICATED -> "Contraindicated";
            case AVOID -> "Avoid";
            case CAUTION -> "Use with caution";
        };
    }

    /** The row's age bounds (whole years, inclusive) in words: "under age 12", "at age 65 or older". */
    private String bound() {
        Integer min = criterion.minAge();
        Integer max = criterion.maxAge();
        if (min != null && max != null) {
            return "at age " + min + " to " + max;
        }
        if (max != null) {
            return "under age " + (max + 1);
        }
        return "at age " + min + " or older";
    }

    private String management() {
        return switch (criterion.action()) {
            case CONTRAINDICATED -> "Do not give at this age; choose an alternative that is not contraindicated.";
            case AVOID ->
                "Choose a safer alternative unless there is a specific reason for this drug; if it is"
                        + " needed, use the lowest effective dose for the shortest time and review it regularly.";
            case CAUTION ->
                "Usable with the precaution above: check whether it applies to this patient before"
                        + " signing, and choose an alternative if it does.";
        };
    }
}
