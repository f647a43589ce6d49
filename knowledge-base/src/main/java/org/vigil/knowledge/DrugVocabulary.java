package org.vigil.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recognises medications as RxNorm ingredients and answers class membership. Immutable; built by
 * the loader as part of a {@link KnowledgeSnapshot}.
 */
public final class DrugVocabulary {

    private final IngredientIndex ingredients;
    private final Map<Integer, ClinicalDrug> clinicalDrugs;
    private final Map<Integer, IngredientConcept> ingredientConcepts;
    private final Map<String, Set<Integer>> membersByClass;
    private final Map<Integer, Set<String>> classesByIngredient;
    private final List<ClassMember> classMembers;
    private final TextMatcher textMatcher;
    /**
     * Recognitions by name (normal-form parse, text search) cost microseconds, and EHRs send the
     * same strings again and again: the answers are kept, up to a bound, for this snapshot's life.
     */
    private static final int RECENT_NAMES = 50_000;

    private final ConcurrentHashMap<NameKey, RecognizedMedication> recentNames = new ConcurrentHashMap<>();

    private record NameKey(String display, String text) {}

    /**
     * What an ingredient code (IN, PIN or MIN) is recognised as, made once: the hot path allocates
     * nothing for it.
     */
    private final Map<Integer, RecognizedMedication> byIngredientCode;

    private final DuplicateTherapy duplicateTherapy;

    DrugVocabulary(
            IngredientIndex ingredients,
            Map<Integer, ClinicalDrug> clinicalDrugs,
            Map<Integer, IngredientConcept> ingredientConcepts,
            Map<String, Set<Integer>> membersByClass,
            Map<Integer, Set<String>> classesByIngredient,
            List<ClassMember> classMembers,
            DuplicateTherapy duplicateTherapy) {
        this.ingredients = ingredients;
        this.clinicalDrugs = Map.copyOf(clinicalDrugs);
        this.ingredientConcepts = Map.copyOf(ingredientConcepts);
        this.membersByClass = copyOfSets(membersByClass);
        this.classesByIngredient = copyOfSets(classesByIngredient);
        this.classMembers = List.copyOf(classMembers);
        this.textMatcher = new TextMatcher(ingredients.byKey());
        Map<Integer, RecognizedMedication> recognized = new HashMap<>();
        for (Ingredient ingredient : ingredients.all()) {
            recognized.put(
                    ingredient.rxcui(),
                    new RecognizedMedication(
                            List.of(Component.of(ingredient)), null, RecognitionMethod.INGREDIENT_CODE));
        }
        ingredientConcepts.forEach((rxcui, concept) -> recognized.put(rxcui, concept.recognized()));
        this.byIngredientCode = Map.copyOf(recognized);
        this.duplicateTherapy = Objects.requireNonNull(duplicateTherapy, "duplicateTherapy");
    }

    private static <K, V> Map<K, Set<V>> copyOfSets(Map<K, Set<V>> map) {
        Map<K, Set<V>> copy = new HashMap<>();
        map.forEach((key, values) -> copy.put(key, Set.copyOf(values)));
        return Map.copyOf(copy);
    }

    /**
     * Loads the drug tables alone, validated as in a full snapshot; for tools and tests that need
     * no other table.
     */
    public static DrugVocabulary load(KnowledgeSource source) {
        return KnowledgeLoader.load(source.readAll(KnowledgeLoader.TABLES)).drugs();
    }

    public Optional<Ingredient> ingredient(int rxcui) {
        return ingredients.byRxcui(rxcui);
    }

    /**
     * An ingredient by name or synonym, ignoring case and punctuation. A salted name ("Hydrocodone
     * Bitartrate") falls back to its base ingredient unless the salted name is itself listed.
     */
    public Optional<Ingredient> ingredientNamed(String name) {
        return ingredients.named(name);
    }

    public Optional<ClinicalDrug> clinicalDrug(int rxcui) {
        return Optional.ofNullable(clinicalDrugs.get(rxcui));
    }

    /** A precise (PIN) or multiple-ingredient (MIN) concept the knowledge base lists. */
    public Optional<IngredientConcept> ingredientConcept(int rxcui) {
        return Optional.ofNullable(ingredientConcepts.get(rxcui));
    }

    public Collection<IngredientConcept> ingredientConcepts() {
        return ingredientConcepts.values();
    }

    public Collection<Ingredient> ingredients() {
        return ingredients.all();
    }

    public Collection<ClinicalDrug> clinicalDrugs() {
        return clinicalDrugs.values();
    }

    /** Every class membership row, with its citation. */
    public List<ClassMember> classMembers() {
        return classMembers;
    }

    /**
     * Recognises a medication from whatever the EHR sent; any argument may be null. Tries, in
     * order: the code as an ingredient (IN, or a PIN or MIN folded to its ingredients), the code as a listed clinical drug, the display then the
     * text as a normal-form name, and finally known names as whole words in display and text. A
     * normal-form name with an unknown ingredient falls through to the word search, which then
     * reports only the ingredients it knows, with method {@link RecognitionMethod#TEXT}.
     */
    public RecognizedMedication recognize(String rxnormCode, String display, String text) {
        int code = parseCode(rxnormCode);
        if (code > 0) {
            RecognizedMedication ingredient = byIngredientCode.get(code);
            if (ingredient != null) {
                return ingredient;
            }
            ClinicalDrug drug = clinicalDrugs.get(code);
            if (drug != null) {
                return drug.recognized();
            }
        }
        if (display == null && text == null) {
            return RecognizedMedication.unrecognized();
        }
        NameKey key = new NameKey(display, text);
        RecognizedMedication known = recentNames.get(key);
        if (known != null) {
            return known;
        }
        RecognizedMedication recognized = recognizeNames(display, text);
        if (recentNames.size() >= RECENT_NAMES) {
            recentNames.clear();
        }
        recentNames.put(key, recognized);
        return recognized;
    }

    private RecognizedMedication recognizeNames(String display, String text) {
        for (String name : new String[] {display, text}) {
            Optional<NormalFormParser.Parsed> parsed = NormalFormParser.parse(name, ingredients::named);
            if (parsed.isPresent()) {
                return new RecognizedMedication(
                        parsed.get().components(), parsed.get().doseForm(), RecognitionMethod.NORMAL_FORM_NAME);
            }
        }
        Set<Ingredient> found = textMatcher.find(display, text);
        if (!found.isEmpty()) {
            List<Component> components = new ArrayList<>(found.size());
            found.forEach(ingredient -> components.add(Component.of(ingredient)));
            return new RecognizedMedication(components, null, RecognitionMethod.TEXT);
        }
        return RecognizedMedication.unrecognized();
    }

    /** A positive RxCUI, or 0 when the code is absent or not a plain number. */
    private static int parseCode(String code) {
        if (code == null) {
            return 0;
        }
        String digits = code.strip();
        if (digits.isEmpty() || digits.length() > 9) {
            return 0;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return 0;
            }
        }
        return Integer.parseInt(digits);
    }

    /** Ids of the classes the ingredient belongs to; empty when none. */
    public Set<String> classesOf(int rxcui) {
        return classesByIngredient.getOrDefault(rxcui, Set.of());
    }

    /** Which pairs of different ingredients are a therapeutic duplication. */
    public DuplicateTherapy duplicateTherapy() {
        return duplicateTherapy;
    }

    /**
     * The therapeutic duplication two different ingredients make, in either order (one hash probe,
     * no allocation); empty when none, and for the same ingredient twice, which callers detect by
     * identity.
     */
    public Optional<TherapeuticDuplication> duplicationBetween(int ingredientA, int ingredientB) {
        return duplicateTherapy.between(ingredientA, ingredientB);
    }

    /** Ingredient RxCUIs of a class; empty for an unknown class. */
    public Set<Integer> membersOf(String classId) {
        return membersByClass.getOrDefault(classId, Set.of());
    }
}
