package org.vigil.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the raw tables into a snapshot, validating every row. Tables load in dependency order
 * (ingredients, clinical drugs, precise and multiple ingredients, classes, duplicate therapy,
 * interactions) so each reference can be
 * checked against what is already loaded.
 */
final class KnowledgeLoader {

    static final String INGREDIENTS = "ingredients.tsv";
    static final String CLINICAL_DRUGS = "clinical-drugs.tsv";
    static final String INGREDIENT_CONCEPTS = "precise-and-multiple-ingredients.tsv";
    static final String DRUG_CLASSES = "drug-classes.tsv";
    static final String INTERACTIONS = "interactions.tsv";
    static final String DUPLICATE_THERAPY = "duplicate-therapy.tsv";

    /** The drug tables, in load order. */
    static final List<String> TABLES =
            List.of(INGREDIENTS, CLINICAL_DRUGS, INGREDIENT_CONCEPTS, DRUG_CLASSES, INTERACTIONS, DUPLICATE_THERAPY);

    /** What the drug tables load into. */
    record DrugTables(DrugVocabulary drugs, InteractionTable interactions) {}

    private static final String CLASS_PREFIX = "class:";
    private static final Pattern CLASS_ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private KnowledgeLoader() {}

    static DrugTables load(Map<String, byte[]> tables) {
        IngredientIndex ingredients = ingredients(tables.get(INGREDIENTS));
        Map<Integer, ClinicalDrug> clinicalDrugs = clinicalDrugs(tables.get(CLINICAL_DRUGS), ingredients);
        Map<Integer, IngredientConcept> concepts =
                ingredientConcepts(tables.get(INGREDIENT_CONCEPTS), ingredients, clinicalDrugs);
        Classes classes = classes(tables.get(DRUG_CLASSES), ingredients);
        DuplicateTherapy duplicates = duplicateTherapy(tables.get(DUPLICATE_THERAPY), ingredients, classes.members);
        DrugVocabulary drugs = new DrugVocabulary(
                ingredients,
                clinicalDrugs,
                concepts,
                classes.members,
                classes.classesByIngredient,
                classes.rows,
                duplicates);
        InteractionTable interactions = interactions(tables.get(INTERACTIONS), ingredients, classes.members);
        return new DrugTables(drugs, interactions);
    }

    private static IngredientIndex ingredients(byte[] bytes) {
        Map<Integer, Ingredient> byRxcui = new HashMap<>();
        Map<Integer, Integer> lineOf = new HashMap<>();
        Map<String, Ingredient> byKey = new HashMap<>();
        TsvReader.read(INGREDIENTS, bytes, List.of("rxcui", "name", "synonyms", "source"), row -> {
            int rxcui = row.rxcui("rxcui");
            Ingredient ingredient = new Ingredient(rxcui, row.required("name"), row.citation());
            Integer first = lineOf.putIfAbsent(rxcui, row.line());
            if (first != null) {
                throw row.error("duplicate rxcui " + rxcui + " (first at line " + first + ")");
            }
            byRxcui.put(rxcui, ingredient);
            List<String> names = new ArrayList<>();
            names.add(ingredient.name());
            String synonyms = row.optional("synonyms");
            if (synonyms != null) {
                for (String synonym : synonyms.split("\\|")) {
                    if (!synonym.isBlank()) {
                        names.add(synonym.strip());
                    }
                }
            }
            for (String name : names) {
                String key = Names.key(name);
                if (key.isEmpty()) {
                    throw row.error("name '" + name + "' has no letters or digits");
                }
                Ingredient owner = byKey.putIfAbsent(key, ingredient);
                if (owner != null && owner != ingredient) {
                    throw row.error("name '" + name + "' already names ingredient " + owner.rxcui() + " (line "
                            + lineOf.get(owner.rxcui()) + ")");
                }
            }
        });
        return new IngredientIndex(byRxcui, byKey);
    }

    private static Map<Integer, ClinicalDrug> clinicalDrugs(byte[] bytes, IngredientIndex ingredients) {
        Map<Integer, ClinicalDrug> drugs = new HashMap<>();
        Map<Integer, Integer> lineOf = new HashMap<>();
        TsvReader.read(CLINICAL_DRUGS, bytes, List.of("rxcui", "name", "ingredients", "source"), row -> {
            int rxcui = row.rxcui("rxcui");
            Integer first = lineOf.putIfAbsent(rxcui, row.line());
            if (first != null) {
                throw row.error("duplicate rxcui " + rxcui + " (first at line " + first + ")");
            }
            if (ingredients.byRxcui(rxcui).isPresent()) {
                throw row.error("rxcui " + rxcui + " is an ingredient in " + INGREDIENTS + ", not a clinical drug");
            }
            String name = row.required("name");
            Set<Ingredient> listed = new LinkedHashSet<>();
            for (String code : row.required("ingredients").split(",")) {
                int ingredientRxcui = row.parseRxcui(code.strip(), "ingredients");
                Ingredient ingredient = ingredients
                        .byRxcui(ingredientRxcui)
                        .orElseThrow(() -> row.error(
                                "unknown ingredient rxcui " + ingredientRxcui + " (not in " + INGREDIENTS + ")"));
                if (!listed.add(ingredient)) {
                    throw row.error("ingredient rxcui " + ingredientRxcui + " listed twice");
                }
            }
            drugs.put(rxcui, clinicalDrug(row, rxcui, name, listed, ingredients));
        });
        return drugs;
    }

    /**
     * Re-parses the name so that strengths and dose form come with the code, and so that a row whose
     * name and ingredient list disagree is caught here rather than at the bedside. Names that are
     * not plain normal forms (packs) keep the listed ingredients without strengths.
     */
    private static ClinicalDrug clinicalDrug(
            TsvRow row, int rxcui, String name, Set<Ingredient> listed, IngredientIndex ingredients) {
        Optional<NormalFormParser.Parsed> parsed = NormalFormParser.parse(name, ingredients::named);
        if (parsed.isEmpty()) {
            List<Component> components = new ArrayList<>();
            listed.forEach(ingredient -> components.add(Component.of(ingredient)));
            return new ClinicalDrug(rxcui, name, components, null, row.citation());
        }
        Set<Ingredient> named = new HashSet<>();
        parsed.get().components().forEach(component -> named.add(component.ingredient()));
        if (!named.equals(listed)) {
            throw row.error(
                    "name '" + name + "' names ingredients " + rxcuis(named) + " but the row lists " + rxcuis(listed));
        }
        return new ClinicalDrug(
                rxcui, name, parsed.get().components(), parsed.get().doseForm(), row.citation());
    }

    /**
     * RxNorm PIN and MIN codes. The name must name exactly the listed ingredients (a PIN's salt words
     * fold to its base ingredient; a MIN's parts are joined by " / "), so a row whose code and
     * ingredients disagree fails here.
     */
    private static Map<Integer, IngredientConcept> ingredientConcepts(
            byte[] bytes, IngredientIndex ingredients, Map<Integer, ClinicalDrug> clinicalDrugs) {
        Map<Integer, IngredientConcept> concepts = new HashMap<>();
        Map<Integer, Integer> lineOf = new HashMap<>();
        List<String> required = List.of("rxcui", "tty", "name", "ingredients", "source");
        TsvReader.read(INGREDIENT_CONCEPTS, bytes, required, row -> {
            int rxcui = row.rxcui("rxcui");
            Integer first = lineOf.putIfAbsent(rxcui, row.line());
            if (first != null) {
                throw row.error("duplicate rxcui " + rxcui + " (first at line " + first + ")");
            }
            if (ingredients.byRxcui(rxcui).isPresent()) {
                throw row.error("rxcui " + rxcui + " is an ingredient in " + INGREDIENTS);
            }
            if (clinicalDrugs.containsKey(rxcui)) {
                throw row.error("rxcui " + rxcui + " is a clinical drug in " + CLINICAL_DRUGS);
            }
            String tty = row.required("tty");
            IngredientConcept.TermType termType;
            if (tty.equals("PIN")) {
                termType = IngredientConcept.TermType.PIN;
            } else if (tty.equals("MIN")) {
                termType = IngredientConcept.TermType.MIN;
            } else {
                throw row.error("tty '" + tty + "' is not one of PIN|MIN");
            }
            Set<Ingredient> listed = new LinkedHashSet<>();
            for (String code : row.required("ingredients").split(",")) {
                int ingredientRxcui = row.parseRxcui(code.strip(), "ingredients");
                Ingredient ingredient = ingredients
                        .byRxcui(ingredientRxcui)
                        .orElseThrow(() -> row.error(
                                "unknown ingredient rxcui " + ingredientRxcui + " (not in " + INGREDIENTS + ")"));
                if (!listed.add(ingredient)) {
                    throw row.error("ingredient rxcui " + ingredientRxcui + " listed twice");
                }
            }
            if (termType == IngredientConcept.TermType.PIN && listed.size() != 1) {
                throw row.error("a PIN lists exactly one ingredient, not " + listed.size());
            }
            if (termType == IngredientConcept.TermType.MIN && listed.size() < 2) {
                throw row.error("a MIN lists at least two ingredients");
            }
            String name = row.required("name");
            Set<Ingredient> named = new HashSet<>();
            for (String part : name.split(" / ")) {
                Ingredient ingredient = ingredients
                        .named(part)
                        .orElseThrow(() -> row.error("name part '" + part.strip() + "' is not a known ingredient"));
                named.add(ingredient);
            }
            if (!named.equals(listed)) {
                throw row.error("name '" + name + "' names ingredients " + rxcuis(named) + " but the row lists "
                        + rxcuis(listed));
            }
            concepts.put(rxcui, new IngredientConcept(rxcui, termType, name, List.copyOf(listed), row.citation()));
        });
        return concepts;
    }

    private static List<Integer> rxcuis(Set<Ingredient> ingredients) {
        return ingredients.stream().map(Ingredient::rxcui).sorted().toList();
    }

    private record Classes(
            Map<String, Set<Integer>> members, Map<Integer, Set<String>> classesByIngredient, List<ClassMember> rows) {}

    private static Classes classes(byte[] bytes, IngredientIndex ingredients) {
        Map<String, Set<Integer>> members = new HashMap<>();
        Map<Integer, Set<String>> classesByIngredient = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        Map<String, Integer> nameLine = new HashMap<>();
        List<ClassMember> rows = new ArrayList<>();
        TsvReader.read(DRUG_CLASSES, bytes, List.of("class_id", "class_name", "member_rxcui", "source"), row -> {
            String classId = row.required("class_id");
            if (!CLASS_ID.matcher(classId).matches()) {
                throw row.error("class_id '" + classId + "' must be lower-case letters and digits joined by '-'");
            }
            String className = row.required("class_name");
            String knownName = names.putIfAbsent(classId, className);
            if (knownName == null) {
                nameLine.put(classId, row.line());
            } else if (!knownName.equals(className)) {
                throw row.error("class '" + classId + "' is named '" + knownName + "' at line " + nameLine.get(classId)
                        + " but '" + className + "' here");
            }
            int rxcui = row.rxcui("member_rxcui");
            Ingredient member = ingredients
                    .byRxcui(rxcui)
                    .orElseThrow(
                            () -> row.error("unknown ingredient rxcui " + rxcui + " (not in " + INGREDIENTS + ")"));
            if (!members.computeIfAbsent(classId, id -> new HashSet<>()).add(rxcui)) {
                throw row.error("duplicate member " + rxcui + " of class '" + classId + "'");
            }
            classesByIngredient.computeIfAbsent(rxcui, id -> new HashSet<>()).add(classId);
            rows.add(new ClassMember(classId, className, member, row.citation()));
        });
        return new Classes(members, classesByIngredient, rows);
    }

    private static InteractionTable interactions(
            byte[] bytes, IngredientIndex ingredients, Map<String, Set<Integer>> classes) {
        List<Interaction> rows = new ArrayList<>();
        Map<String, Integer> lineOf = new HashMap<>();
        PairIndex.Builder pairs = new PairIndex.Builder();
        List<String> required = List.of(
                "id",
                "title",
                "left",
                "right",
                "severity",
                "interruptive",
                "mechanism",
                "clinical_effect",
                "management",
                "source");
        TsvReader.read(INTERACTIONS, bytes, required, row -> {
            String id = row.required("id");
            Integer first = lineOf.putIfAbsent(id, row.line());
            if (first != null) {
                throw row.error("duplicate id '" + id + "' (first at line " + first + ")");
            }
            Set<Integer> left = participants(row, "left", ingredients, classes);
            Set<Integer> right = participants(row, "right", ingredients, classes);
            String severityText = row.required("severity");
            Severity severity = Severity.parse(severityText)
                    .orElseThrow(() -> row.error(
                            "severity '" + severityText + "' is not one of contraindicated|major|moderate|minor"));
            Interaction interaction = new Interaction(
                    id,
                    row.required("title"),
                    severity,
                    row.bool("interruptive"),
                    row.required("mechanism"),
                    row.required("clinical_effect"),
                    row.required("management"),
                    row.citation());
            // A drug is never its own interaction partner; same-class rows (e.g. two QT-prolonging
            // drugs) pair distinct members only.
            boolean paired = false;
            for (int a : left) {
                for (int b : right) {
                    if (a != b) {
                        pairs.add(a, b, interaction);
                        paired = true;
                    }
                }
            }
            if (!paired) {
                throw row.error("left and right expand to no pair of distinct ingredients");
            }
            rows.add(interaction);
        });
        return new InteractionTable(rows, pairs.build());
    }

    /**
     * Each row names the ingredients that duplicate each other: two different members of
     * {@code members}, or, when {@code with} is given, one of {@code members} with one of {@code
     * with}. A pair two rows cover keeps the first row, so more specific rows go first.
     */
    private static DuplicateTherapy duplicateTherapy(
            byte[] bytes, IngredientIndex ingredients, Map<String, Set<Integer>> classes) {
        Map<String, Integer> lineOf = new HashMap<>();
        DuplicateTherapy.Builder builder = new DuplicateTherapy.Builder();
        TsvReader.read(DUPLICATE_THERAPY, bytes, List.of("id", "label", "members", "with", "source"), row -> {
            String id = row.required("id");
            Integer first = lineOf.putIfAbsent(id, row.line());
            if (first != null) {
                throw row.error("duplicate id '" + id + "' (first at line " + first + ")");
            }
            Set<Integer> members = participants(row, "members", ingredients, classes);
            Set<Integer> with =
                    row.optional("with") == null ? members : participants(row, "with", ingredients, classes);
            TherapeuticDuplication duplication = new TherapeuticDuplication(id, row.required("label"), row.citation());
            boolean paired = false;
            for (int a : members) {
                for (int b : with) {
                    if (a != b) {
                        builder.add(a, b, duplication);
                        paired = true;
                    }
                }
            }
            if (!paired) {
                throw row.error("members and with expand to no pair of distinct ingredients");
            }
            builder.row(duplication);
        });
        return builder.build();
    }

    private static Set<Integer> participants(
            TsvRow row, String column, IngredientIndex ingredients, Map<String, Set<Integer>> classes) {
        String value = row.required(column);
        if (value.startsWith(CLASS_PREFIX)) {
            String classId = value.substring(CLASS_PREFIX.length());
            Set<Integer> members = classes.get(classId);
            if (members == null) {
                throw row.error("column '" + column + "' refers to unknown class '" + classId + "' (not in "
                        + DRUG_CLASSES + ")");
            }
            return members;
        }
        int rxcui = row.parseRxcui(value, column);
        if (ingredients.byRxcui(rxcui).isEmpty()) {
            throw row.error("column '" + column + "' refers to unknown ingredient rxcui " + rxcui + " (not in "
                    + INGREDIENTS + ")");
        }
        return Set.of(rxcui);
    }
}
