package org.vigil.knowledge.age;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.DrugReference;
import org.vigil.knowledge.DrugVocabulary;
import org.vigil.knowledge.KnowledgeLoadException;
import org.vigil.knowledge.RowsByIngredient;
import org.vigil.knowledge.TsvReader;
import org.vigil.knowledge.TsvRow;

/**
 * Age criteria: drugs to avoid or watch in older adults and in children. Immutable; a lookup is one
 * hash probe by ingredient followed by a scan of that ingredient's few rows.
 */
public final class AgeCriteria {

    public static final String AGE_CRITERIA = "age-criteria.tsv";

    /** The tables this part loads, in load and hashing order. */
    public static final List<String> FILES = List.of(AGE_CRITERIA);

    /** Ages beyond this are typing errors, not patients. */
    private static final int MAX_PLAUSIBLE_AGE = 130;

    private static final List<String> REQUIRED =
            List.of("drug", "population", "min_age", "max_age", "action", "rationale", "source");

    private final List<AgeCriterion> all;
    private final Map<Integer, List<AgeCriterion>> byIngredient;

    private AgeCriteria(List<AgeCriterion> all, Map<Integer, List<AgeCriterion>> byIngredient) {
        this.all = all;
        this.byIngredient = byIngredient;
    }

    /**
     * Parses and validates {@link #FILES} from already-read tables (file name to bytes).
     *
     * @throws KnowledgeLoadException naming the file and line of the first problem found
     */
    public static AgeCriteria parse(Map<String, byte[]> tables, DrugVocabulary drugs) {
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(drugs, "drugs");
        byte[] bytes = tables.get(AGE_CRITERIA);
        if (bytes == null) {
            throw new KnowledgeLoadException(AGE_CRITERIA, 0, "table missing");
        }
        List<AgeCriterion> rows = new ArrayList<>();
        Map<String, Integer> lineOf = new HashMap<>();
        TsvReader.read(AGE_CRITERIA, bytes, REQUIRED, row -> {
            AgeCriterion criterion = criterion(row, drugs);
            String key = criterion.drug().text()
                    + '|'
                    + criterion.population()
                    + '|'
                    + criterion.minAge()
                    + '|'
                    + criterion.maxAge();
            Integer first = lineOf.putIfAbsent(key, row.line());
            if (first != null) {
                throw row.error("duplicate age criterion for "
                        + criterion.drug().text() + " and the same ages" + " (first at line " + first + ")");
            }
            rows.add(criterion);
        });
        return new AgeCriteria(
                List.copyOf(rows),
                RowsByIngredient.index(
                        rows, criterion -> criterion.drug().ingredients(), Comparator.comparing(AgeCriterion::action)));
    }

    private static AgeCriterion criterion(TsvRow row, DrugVocabulary drugs) {
        DrugReference drug = DrugReference.read(row, "drug", "drug_name", drugs);
        AgePopulation population = row.enumValue("population", AgePopulation.class);
        Integer minAge = age(row, "min_age");
        Integer maxAge = age(row, "max_age");
        if (population == AgePopulation.OLDER_ADULT && minAge == null) {
            throw row.error("an older-adult criterion needs min_age");
        }
        if (population == AgePopulation.PEDIATRIC && maxAge == null) {
            throw row.error("a pediatric criterion needs max_age");
        }
        if (minAge != null && maxAge != null && minAge > maxAge) {
            throw row.error("age bounds inverted: min_age " + minAge + " is above max_age " + maxAge);
        }
        AgeAction action = row.enumValue("action", AgeAction.class);
        String rationale = row.required("rationale");
        Citation citation = row.citation();
        return new AgeCriterion(drug, population, minAge, maxAge, action, rationale, citation, row.line());
    }

    private static Integer age(TsvRow row, String column) {
        String value = row.optional(column);
        if (value == null) {
            return null;
        }
        try {
            int age = Integer.parseInt(value);
            if (age >= 0 && age <= MAX_PLAUSIBLE_AGE) {
                return age;
            }
        } catch (NumberFormatException e) {
            // reported below with the row's position
        }
        throw row.error(
                "column '" + column + "' must be whole years from 0 to " + MAX_PLAUSIBLE_AGE + ", not '" + value + "'");
    }

    /**
     * The criteria that apply to an ingredient at a patient's age, strongest action first; empty
     * when none (and for a negative age, which is no age at all).
     */
    public List<AgeCriterion> criteria(int rxcui, int ageInYears) {
        List<AgeCriterion> rows = byIngredient.get(rxcui);
        if (rows == null || ageInYears < 0) {
            return List.of();
        }
        List<AgeCriterion> applicable = null;
        for (AgeCriterion criterion : rows) {
            if (criterion.appliesAt(ageInYears)) {
                if (applicable == null) {
                    applicable = new ArrayList<>(rows.size());
                }
                applicable.add(criterion);
            }
        }
        return applicable == null ? List.of() : List.copyOf(applicable);
    }

    /** Every row, in table order. */
    public List<AgeCriterion> all() {
        return all;
    }

    @Override
    public String toString() {
        return "AgeCriteria[" + all.size() + " rows]";
    }
}
