package org.vigil.knowledge.allergy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.DrugVocabulary;
import org.vigil.knowledge.Ingredient;
import org.vigil.knowledge.KnowledgeLoadException;
import org.vigil.knowledge.KnowledgeSource;
import org.vigil.knowledge.TsvReader;
import org.vigil.knowledge.TsvRow;

/**
 * Allergen terminology and cross-sensitivity groups, validated against the drug vocabulary.
 * Immutable; every lookup is a hash probe on indexes built at load.
 *
 * <p>Two tables, loaded after the drug vocabulary and in the order of {@link #FILES}:
 * {@code cross-sensitivity.tsv} (groups of ingredients that cross-react, one row per member) and
 * {@code allergens.tsv} (coded allergens, e.g. SNOMED CT substances, standing for one ingredient or
 * one group).
 */
public final class AllergyKnowledge {

    public static final String CROSS_SENSITIVITY = "cross-sensitivity.tsv";
    public static final String ALLERGENS = "allergens.tsv";

    /** Table file names, in load order (allergens refer to groups); hash them in this order. */
    public static final List<String> FILES = List.of(CROSS_SENSITIVITY, ALLERGENS);

    /** The SNOMED CT code system URI. */
    public static final String SNOMED_CT = "http://snomed.info/sct";

    private static final String SNOMED_CT_OID = "urn:oid:2.16.840.1.113883.6.96";
    private static final String RXCUI_PREFIX = "rxcui:";
    private static final String GROUP_PREFIX = "group:";
    private static final Pattern GROUP_ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern SCTID = Pattern.compile("[1-9][0-9]{5,17}");

    private final Map<String, CrossSensitivityGroup> groups;
    private final Map<Integer, Set<String>> groupsByIngredient;
    private final Map<Long, List<CrossSensitivity>> byPair;
    private final Map<String, Allergen> allergens;

    private AllergyKnowledge(
            Map<String, CrossSensitivityGroup> groups,
            Map<Integer, Set<String>> groupsByIngredient,
            Map<Long, List<CrossSensitivity>> byPair,
            Map<String, Allergen> allergens) {
        this.groups = groups;
        this.groupsByIngredient = groupsByIngredient;
        this.byPair = byPair;
        this.allergens = allergens;
    }

    /**
     * Reads {@link #FILES} from the source and validates every row against {@code drugs}.
     *
     * @throws KnowledgeLoadException naming the file and line of the first problem found
     */
    public static AllergyKnowledge load(KnowledgeSource source, DrugVocabulary drugs) {
        return load(source.readAll(FILES), drugs);
    }

    /**
     * Builds the indexes from tables already read (see {@link KnowledgeSource#readAll}).
     *
     * @throws KnowledgeLoadException naming the file and line of the first problem found
     */
    public static AllergyKnowledge load(Map<String, byte[]> tables, DrugVocabulary drugs) {
        Map<String, CrossSensitivityGroup> groups = groups(bytes(tables, CROSS_SENSITIVITY), drugs);
        Map<Integer, Set<String>> byIngredient = new HashMap<>();
        groups.values()
                .forEach(group -> group.memberRxcuis()
                        .forEach(rxcui -> byIngredient
                                .computeIfAbsent(rxcui, k -> new LinkedHashSet<>())
                                .add(group.id())));
        Map<Integer, Set<String>> groupsByIngredient = new HashMap<>();
        byIngredient.forEach((rxcui, ids) -> groupsByIngredient.put(rxcui, Set.copyOf(ids)));
        Map<String, Allergen> allergens = allergens(bytes(tables, ALLERGENS), drugs, groups);
        return new AllergyKnowledge(
                Collections.unmodifiableMap(groups),
                Map.copyOf(groupsByIngredient),
                pairIndex(groups),
                Map.copyOf(allergens));
    }

    /**
     * The ingredient RxCUIs a coded allergen stands for (a group code expands to all its members);
     * empty when the code is unknown. SNOMED CT may be given as its URI or its OID.
     */
    public Set<Integer> allergen(String systemUri, String code) {
        Allergen allergen = allergens.get(key(systemUri, code));
        return allergen == null ? Set.of() : allergen.ingredients();
    }

    /** The full entry of a coded allergen, with its display and citation. */
    public Optional<Allergen> allergenEntry(String systemUri, String code) {
        return Optional.ofNullable(allergens.get(key(systemUri, code)));
    }

    /** Every coded allergen. */
    public Collection<Allergen> allergens() {
        return allergens.values();
    }

    /**
     * The groups both ingredients belong to, strongest level first; empty when they share none.
     * The identical ingredient is an exact match, not a cross-sensitivity, and also yields empty.
     */
    public List<CrossSensitivity> crossSensitivities(int allergenRxcui, int orderedRxcui) {
        if (allergenRxcui == orderedRxcui) {
            return List.of();
        }
        return byPair.getOrDefault(pairKey(allergenRxcui, orderedRxcui), List.of());
    }

    public Optional<CrossSensitivityGroup> group(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(groups.get(id));
    }

    public Collection<CrossSensitivityGroup> groups() {
        return groups.values();
    }

    /** Ids of the groups an ingredient belongs to; empty when none. */
    public Set<String> groupsOf(int rxcui) {
        return groupsByIngredient.getOrDefault(rxcui, Set.of());
    }

    private static byte[] bytes(Map<String, byte[]> tables, String file) {
        byte[] bytes = tables.get(file);
        if (bytes == null) {
            throw new KnowledgeLoadException(file, 0, "table missing");
        }
        return bytes;
    }

    private static long pairKey(int a, int b) {
        return ((long) a << 32) | (b & 0xFFFFFFFFL);
    }

    private static String key(String systemUri, String code) {
        if (systemUri == null || code == null) {
            return "";
        }
        String system = systemUri.strip();
        if (system.equals(SNOMED_CT_OID)) {
            system = SNOMED_CT;
        }
        return system + '|' + code.strip();
    }

    private static final class GroupBuilder {
        final String id;
        final String name;
        final CrossSensitivityLevel level;
        final String basis;
        final int firstLine;
        final Map<Integer, Citation> members = new LinkedHashMap<>();

        GroupBuilder(String id, String name, CrossSensitivityLevel level, String basis, int firstLine) {
            this.id = id;
            this.name = name;
            this.level = level;
            this.basis = basis;
            this.firstLine = firstLine;
        }
    }

    private static Map<String, CrossSensitivityGroup> groups(byte[] bytes, DrugVocabulary drugs) {
        Map<String, GroupBuilder> builders = new LinkedHashMap<>();
        List<String> required =
                List.of("group_id", "group_name", "level", "basis", "member_rxcui", "member_name", "source");
        TsvReader.read(CROSS_SENSITIVITY, bytes, required, row -> {
            String id = row.required("group_id");
            if (!GROUP_ID.matcher(id).matches()) {
                throw row.error("group_id '" + id + "' must be lower-case letters and digits joined by '-'");
            }
            String name = row.required("group_name");
            CrossSensitivityLevel level = row.enumValue("level", CrossSensitivityLevel.class);
            String basis = row.required("basis");
            GroupBuilder group = builders.computeIfAbsent(id, k -> new GroupBuilder(k, name, level, basis, row.line()));
            sameOnEveryRow(row, group, "group_name", group.name, name);
            sameOnEveryRow(row, group, "level", levelName(group.level), levelName(level));
            sameOnEveryRow(row, group, "basis", group.basis, basis);
            int rxcui = row.rxcui("member_rxcui");
            Ingredient ingredient = drugs.ingredient(rxcui)
                    .orElseThrow(() -> row.error("unknown ingredient rxcui " + rxcui + " (not in ingredients.tsv)"));
            String memberName = row.required("member_name");
            if (!ingredient.name().equalsIgnoreCase(memberName)) {
                throw row.error("member_name '" + memberName + "' does not match ingredient " + rxcui + " '"
                        + ingredient.name() + "'");
            }
            Citation citation = row.citation();
            if (group.members.putIfAbsent(rxcui, citation) != null) {
                throw row.error("duplicate member " + rxcui + " of group '" + id + "'");
            }
        });
        Map<String, CrossSensitivityGroup> groups = new LinkedHashMap<>();
        for (GroupBuilder group : builders.values()) {
            if (group.members.size() < 2) {
                throw new KnowledgeLoadException(
                        CROSS_SENSITIVITY,
                        group.firstLine,
                        "group '" + group.id + "' has a single member; a cross-sensitivity group needs two");
            }
            groups.put(
                    group.id, new CrossSensitivityGroup(group.id, group.name, group.level, group.basis, group.members));
        }
        return groups;
    }

    private static void sameOnEveryRow(TsvRow row, GroupBuilder group, String column, String first, String here) {
        if (!first.equals(here)) {
            throw row.error("group '" + group.id + "' has " + column + " '" + first + "' at line " + group.firstLine
                    + " but '" + here + "' here");
        }
    }

    private static String levelName(CrossSensitivityLevel level) {
        return level.name().toLowerCase(Locale.ROOT);
    }

    private static Map<Long, List<CrossSensitivity>> pairIndex(Map<String, CrossSensitivityGroup> groups) {
        Map<Long, List<CrossSensitivity>> pairs = new HashMap<>();
        for (CrossSensitivityGroup group : groups.values()) {
            for (Map.Entry<Integer, Citation> allergen : group.members().entrySet()) {
                for (Map.Entry<Integer, Citation> ordered : group.members().entrySet()) {
                    int a = allergen.getKey();
                    int b = ordered.getKey();
                    if (a == b) {
                        continue;
                    }
                    List<Citation> citations = allergen.getValue().equals(ordered.getValue())
                            ? List.of(allergen.getValue())
                            : List.of(allergen.getValue(), ordered.getValue());
                    pairs.computeIfAbsent(pairKey(a, b), k -> new ArrayList<>())
                            .add(new CrossSensitivity(group, a, b, citations));
                }
            }
        }
        Map<Long, List<CrossSensitivity>> frozen = new HashMap<>();
        Comparator<CrossSensitivity> strongestFirst = Comparator.comparing(CrossSensitivity::level);
        pairs.forEach((key, list) -> {
            list.sort(strongestFirst); // stable: table order within a level
            frozen.put(key, List.copyOf(list));
        });
        return Map.copyOf(frozen);
    }

    private static Map<String, Allergen> allergens(
            byte[] bytes, DrugVocabulary drugs, Map<String, CrossSensitivityGroup> groups) {
        Map<String, Allergen> allergens = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        TsvReader.read(ALLERGENS, bytes, List.of("system", "code", "display", "means", "source"), row -> {
            String system = row.required("system");
            if (!(system.startsWith("http://") || system.startsWith("https://") || system.startsWith("urn:"))) {
                throw row.error("system '" + system + "' is not a code system URI");
            }
            if (system.equals(SNOMED_CT_OID)) {
                throw row.error("write SNOMED CT as " + SNOMED_CT + ", not its OID");
            }
            String code = row.required("code");
            if (system.equals(SNOMED_CT) && !SCTID.matcher(code).matches()) {
                throw row.error("code '" + code + "' is not a SNOMED CT identifier");
            }
            String key = key(system, code);
            Integer first = lineOf.putIfAbsent(key, row.line());
            if (first != null) {
                throw row.error("duplicate code " + code + " of " + system + " (first at line " + first + ")");
            }
            String means = row.required("means");
            Set<Integer> ingredients;
            String groupId = null;
            if (means.startsWith(GROUP_PREFIX)) {
                groupId = means.substring(GROUP_PREFIX.length());
                CrossSensitivityGroup group = groups.get(groupId);
                if (group == null) {
                    throw row.error("column 'means' refers to unknown group '" + groupId + "' (not in "
                            + CROSS_SENSITIVITY + ")");
                }
                ingredients = group.memberRxcuis();
            } else if (means.startsWith(RXCUI_PREFIX)) {
                int rxcui = row.parseRxcui(means.substring(RXCUI_PREFIX.length()), "means");
                if (drugs.ingredient(rxcui).isEmpty()) {
                    throw row.error(
                            "column 'means' refers to unknown ingredient rxcui " + rxcui + " (not in ingredients.tsv)");
                }
                ingredients = Set.of(rxcui);
            } else {
                throw row.error("column 'means' must be rxcui:<ingredient> or group:<group_id>, not '" + means + "'");
            }
            String display = row.required("display");
            allergens.put(key, new Allergen(system, code, display, groupId, ingredients, row.citation()));
        });
        return allergens;
    }

    @Override
    public String toString() {
        return "AllergyKnowledge[" + groups.size() + " groups, " + allergens.size() + " allergen codes]";
    }
}
