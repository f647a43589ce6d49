package org.vigil.knowledge;

import java.util.Objects;
import java.util.Set;

/**
 * What a patient-context table row is about: one ingredient (its RxCUI) or every member of a drug
 * class ({@code class:<id>}), resolved against the drug vocabulary at load.
 *
 * @param text the reference as written in the table, e.g. {@code 2670} or {@code class:nsaid}
 * @param classId the class id, or {@code null} for a single ingredient
 * @param ingredients the ingredient RxCUIs the reference stands for, never empty
 */
public record DrugReference(String text, String classId, Set<Integer> ingredients) {

    private static final String CLASS_PREFIX = "class:";

    public DrugReference {
        Objects.requireNonNull(text, "text");
        ingredients = Set.copyOf(ingredients);
        if (ingredients.isEmpty()) {
            throw new IllegalArgumentException("a drug reference stands for at least one ingredient");
        }
    }

    public boolean isClass() {
        return classId != null;
    }

    /**
     * Reads {@code column} as an ingredient RxCUI or {@code class:<id>}; when the row also has
     * {@code nameColumn} filled, an ingredient's name must match it (a guard against a mistyped
     * RxCUI) and a class row must leave it blank. Fails with the row's file and line on anything
     * unknown.
     */
    public static DrugReference read(TsvRow row, String column, String nameColumn, DrugVocabulary drugs) {
        String value = row.required(column);
        if (value.startsWith(CLASS_PREFIX)) {
            String classId = value.substring(CLASS_PREFIX.length());
            Set<Integer> members = drugs.membersOf(classId);
            if (members.isEmpty()) {
                throw row.error("column '" + column + "' refers to unknown drug class '" + classId
                        + "' (not in drug-classes.tsv)");
            }
            if (nameColumn != null && row.optional(nameColumn) != null) {
                throw row.error("column '" + nameColumn + "' names an ingredient; leave it blank for " + value);
            }
            return new DrugReference(value, classId, members);
        }
        int rxcui = row.parseRxcui(value, column);
        Ingredient ingredient = drugs.ingredient(rxcui)
                .orElseThrow(() -> row.error("column '" + column + "' refers to unknown ingredient rxcui " + rxcui
                        + " (not in ingredients.tsv)"));
        String name = nameColumn == null ? null : row.optional(nameColumn);
        if (name != null && !ingredient.name().equalsIgnoreCase(name)) {
            throw row.error("column '" + nameColumn + "' is '" + name + "' but ingredient " + rxcui + " is '"
                    + ingredient.name() + "'");
        }
        return new DrugReference(value, null, Set.of(rxcui));
    }

    /**
     * Like {@link #read}, for tables whose name column is required and names either the ingredient
     * or the class: a row whose name does not match what its reference resolves to fails.
     */
    public static DrugReference readNamed(TsvRow row, String column, String nameColumn, DrugVocabulary drugs) {
        String value = row.required(column);
        String name = row.required(nameColumn);
        if (!value.startsWith(CLASS_PREFIX)) {
            return read(row, column, nameColumn, drugs);
        }
        String classId = value.substring(CLASS_PREFIX.length());
        Set<Integer> members = drugs.membersOf(classId);
        if (members.isEmpty()) {
            throw row.error(
                    "column '" + column + "' refers to unknown drug class '" + classId + "' (not in drug-classes.tsv)");
        }
        String className = drugs.classMembers().stream()
                .filter(member -> member.classId().equals(classId))
                .map(ClassMember::className)
                .findFirst()
                .orElse(classId);
        if (!className.equalsIgnoreCase(name)) {
            throw row.error(
                    nameColumn + " '" + name + "' does not match class '" + classId + "' ('" + className + "')");
        }
        return new DrugReference(value, classId, members);
    }
}
