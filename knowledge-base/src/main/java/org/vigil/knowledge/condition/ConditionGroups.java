package org.vigil.knowledge.condition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.KnowledgeLoadException;
import org.vigil.knowledge.KnowledgeSource;
import org.vigil.knowledge.TsvReader;
import org.vigil.knowledge.TsvRow;

/**
 * Condition terminology: which condition groups a patient's SNOMED CT or ICD-10-CM code falls in.
 * Immutable once loaded. A SNOMED CT lookup is one hash probe; an ICD-10-CM lookup is at most one
 * probe per code length, trimming the normalised code one character at a time so that a category
 * row ({@code I50}) covers every code below it ({@code I50.22}).
 */
public final class ConditionGroups {

    public static final String CONDITION_GROUPS = "condition-groups.tsv";

    /** The tables this part of the knowledge base loads, in load and hashing order. */
    public static final List<String> FILES = List.of(CONDITION_GROUPS);

    private static final List<String> REQUIRED_COLUMNS =
            List.of("group_id", "group_name", "system", "code", "match", "source");
    private static final Pattern GROUP_ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    /** ICD-10-CM as written in the table: category of three characters, optional dot and up to four more. */
    private static final Pattern ICD10CM_CODE = Pattern.compile("[A-Z][0-9][0-9A-Z](?:\\.[0-9A-Z]{1,4})?");
    /** SCTID: 6 to 18 digits, no leading zero. */
    private static final Pattern SCTID = Pattern.compile("[1-9][0-9]{5,17}");

    private static final int ICD10CM_CATEGORY_LENGTH = 3;
    private static final int ICD10CM_MAX_LENGTH = 7;

    private final Map<String, ConditionGroup> groups;
    private final Map<String, Probe> snomed;
    private final Map<String, Probe> icd10cm;

    /**
     * What one probe key yields. {@code whole} applies when the key is the patient's whole code
     * (exact and prefix rows), {@code ancestor} when the key is a shorter part of it (prefix rows).
     */
    private record Probe(
            Set<String> wholeGroups,
            Set<String> ancestorGroups,
            List<ConditionCode> wholeRows,
            List<ConditionCode> ancestorRows) {}

    private ConditionGroups(Map<String, ConditionGroup> groups, Map<String, Probe> snomed, Map<String, Probe> icd10cm) {
        this.groups = groups;
        this.snomed = snomed;
        this.icd10cm = icd10cm;
    }

    /**
     * Loads and validates {@value #CONDITION_GROUPS} from the source.
     *
     * @throws KnowledgeLoadException naming the file and line of the first problem found
     */
    public static ConditionGroups load(KnowledgeSource source) {
        return parse(source.readAll(FILES).get(CONDITION_GROUPS));
    }

    /** Parses and validates the raw bytes of {@value #CONDITION_GROUPS}. */
    public static ConditionGroups parse(byte[] bytes) {
        Builder builder = new Builder();
        TsvReader.read(CONDITION_GROUPS, bytes, REQUIRED_COLUMNS, builder::add);
        return builder.build();
    }

    /**
     * The ids of the groups the coded condition belongs to; empty for an unknown system, an unknown
     * or malformed code, or null arguments.
     *
     * @param systemUri the FHIR {@code Coding.system}, e.g. {@code http://snomed.info/sct}
     * @param code the code; ICD-10-CM is accepted with or without its dot, in any case
     */
    public Set<String> groupsOf(String systemUri, String code) {
        if (systemUri == null || code == null) {
            return Set.of();
        }
        Optional<ConditionCodeSystem> system = ConditionCodeSystem.ofUri(systemUri.strip());
        if (system.isEmpty()) {
            return Set.of();
        }
        if (system.get() == ConditionCodeSystem.SNOMED) {
            Probe probe = snomed.get(code.strip());
            return probe == null ? Set.of() : probe.wholeGroups();
        }
        String key = normaliseIcd10cm(code);
        if (key == null) {
            return Set.of();
        }
        Set<String> found = null;
        Set<String> merged = null;
        for (int length = key.length(); length >= ICD10CM_CATEGORY_LENGTH; length--) {
            Probe probe = icd10cm.get(length == key.length() ? key : key.substring(0, length));
            if (probe == null) {
                continue;
            }
            Set<String> groupIds = length == key.length() ? probe.wholeGroups() : probe.ancestorGroups();
            if (groupIds.isEmpty()) {
                continue;
            }
            if (found == null) {
                found = groupIds;
            } else {
                if (merged == null) {
                    merged = new LinkedHashSet<>(found);
                }
                merged.addAll(groupIds);
            }
        }
        if (merged != null) {
            return Set.copyOf(merged);
        }
        return found == null ? Set.of() : found;
    }

    /** Whether the coded condition belongs to the group. */
    public boolean isIn(String groupId, String systemUri, String code) {
        return groupsOf(systemUri, code).contains(groupId);
    }

    /**
     * The table rows that match the coded condition, most specific first, so a finding can cite
     * the exact row and source it rests on. Not meant for the hot path.
     */
    public List<ConditionCode> matches(String systemUri, String code) {
        if (systemUri == null || code == null) {
            return List.of();
        }
        Optional<ConditionCodeSystem> system = ConditionCodeSystem.ofUri(systemUri.strip());
        if (system.isEmpty()) {
            return List.of();
        }
        if (system.get() == ConditionCodeSystem.SNOMED) {
            Probe probe = snomed.get(code.strip());
            return probe == null ? List.of() : probe.wholeRows();
        }
        String key = normaliseIcd10cm(code);
        if (key == null) {
            return List.of();
        }
        List<ConditionCode> rows = new ArrayList<>();
        for (int length = key.length(); length >= ICD10CM_CATEGORY_LENGTH; length--) {
            Probe probe = icd10cm.get(key.substring(0, length));
            if (probe != null) {
                rows.addAll(length == key.length() ? probe.wholeRows() : probe.ancestorRows());
            }
        }
        return List.copyOf(rows);
    }

    /** The group with this id, with its name, codes and sources. */
    public Optional<ConditionGroup> group(String id) {
        return Optional.ofNullable(groups.get(id));
    }

    /** Every group id in the table. */
    public Set<String> groupIds() {
        return groups.keySet();
    }

    /**
     * Upper case, no dot, letters and digits only, 3 to 7 characters; null when the text cannot be
     * an ICD-10-CM code. A dot is only accepted after the three-character category.
     */
    static String normaliseIcd10cm(String code) {
        String text = code.strip();
        StringBuilder key = new StringBuilder(ICD10CM_MAX_LENGTH);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' && i == ICD10CM_CATEGORY_LENGTH && i < text.length() - 1) {
                continue;
            }
            if (c >= 'a' && c <= 'z') {
                c = (char) (c - 'a' + 'A');
            }
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return null;
            }
            key.append(c);
        }
        if (key.length() < ICD10CM_CATEGORY_LENGTH || key.length() > ICD10CM_MAX_LENGTH) {
            return null;
        }
        return key.toString();
    }

    /** Verhoeff check over all digits, as SNOMED CT identifiers carry a Verhoeff check digit. */
    static boolean verhoeffValid(String digits) {
        int check = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            check = VERHOEFF_D[check][VERHOEFF_P[i % 8][digit]];
        }
        return check == 0;
    }

    private static final int[][] VERHOEFF_D = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
        {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
        {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
        {3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
        {4, 0, 1, 2, 3, 9, 5, 6, 7, 8},
        {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
        {6, 5, 9, 8, 7, 1, 0, 4, 3, 2},
        {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
        {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
        {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}
    };

    private static final int[][] VERHOEFF_P = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
        {1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
        {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
        {8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
        {9, 4, 5, 3, 1, 2, 6, 8, 7, 0},
        {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
        {2, 7, 9, 3, 8, 0, 6, 4, 1, 5},
        {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}
    };

    /** Collects and validates rows, then freezes them into the indexes. */
    private static final class Builder {

        private record Named(String name, int line) {}

        private record Row(ConditionCode code, String key, int line) {}

        private final Map<String, Named> names = new LinkedHashMap<>();
        private final Map<String, List<Row>> rowsByGroup = new LinkedHashMap<>();
        /** group id + system + key → line, to report duplicates. */
        private final Map<String, Integer> lineOf = new HashMap<>();

        void add(TsvRow row) {
            String groupId = row.required("group_id");
            if (!GROUP_ID.matcher(groupId).matches()) {
                throw row.error("group_id '" + groupId + "' must be lower-case letters and digits joined by '-'");
            }
            String groupName = row.required("group_name");
            Named known = names.putIfAbsent(groupId, new Named(groupName, row.line()));
            if (known != null && !known.name().equals(groupName)) {
                throw row.error("group '" + groupId + "' is named '" + known.name() + "' at line " + known.line()
                        + " but '" + groupName + "' here");
            }
            String systemToken = row.required("system");
            ConditionCodeSystem system = ConditionCodeSystem.ofToken(systemToken)
                    .orElseThrow(
                            () -> row.error("unknown code system '" + systemToken + "' (expected snomed|icd10cm)"));
            String matchText = row.required("match");
            CodeMatch match = switch (matchText) {
                case "exact" -> CodeMatch.EXACT;
                case "prefix" -> CodeMatch.PREFIX;
                default -> throw row.error("column 'match' must be exact or prefix, not '" + matchText + "'");
            };
            String code = row.required("code");
            String key = switch (system) {
                case SNOMED -> snomedKey(row, code, match);
                case ICD10CM -> icd10cmKey(row, code);
            };
            Citation citation = row.citation();
            String duplicateKey = groupId + '|' + system.token() + '|' + key;
            Integer first = lineOf.putIfAbsent(duplicateKey, row.line());
            if (first != null) {
                throw row.error("duplicate " + system.token() + " code " + code + " in group '" + groupId
                        + "' (first at line " + first + ")");
            }
            ConditionCode conditionCode =
                    new ConditionCode(groupId, system, code, match, row.optional("display"), citation);
            rowsByGroup.computeIfAbsent(groupId, id -> new ArrayList<>()).add(new Row(conditionCode, key, row.line()));
        }

        private static String snomedKey(TsvRow row, String code, CodeMatch match) {
            if (match != CodeMatch.EXACT) {
                throw row.error("SNOMED CT code " + code + " must match exact: without the hierarchy a SNOMED CT"
                        + " code has no descendants to match by prefix");
            }
            if (!SCTID.matcher(code).matches()) {
                throw row.error("malformed SNOMED CT concept id '" + code + "' (6 to 18 digits, no leading zero)");
            }
            String partition = code.substring(code.length() - 3, code.length() - 1);
            if (!partition.equals("00") && !partition.equals("10")) {
                throw row.error("SNOMED CT id " + code + " is not a concept id (partition " + partition + ")");
            }
            if (!verhoeffValid(code)) {
                throw row.error("SNOMED CT id " + code + " fails its Verhoeff check digit (mistyped?)");
            }
            return code;
        }

        private static String icd10cmKey(TsvRow row, String code) {
            if (!ICD10CM_CODE.matcher(code).matches()) {
                throw row.error("malformed ICD-10-CM code '" + code
                        + "' (write it in upper case with its dot, e.g. I50 or I50.22)");
            }
            return code.replace(".", "");
        }

        ConditionGroups build() {
            Map<String, ConditionGroup> groups = new LinkedHashMap<>();
            Map<String, ProbeBuilder> snomed = new HashMap<>();
            Map<String, ProbeBuilder> icd10cm = new HashMap<>();
            rowsByGroup.forEach((groupId, rows) -> {
                rejectCodesCoveredByAPrefix(rows);
                List<ConditionCode> codes = new ArrayList<>();
                Set<Citation> citations = new LinkedHashSet<>();
                for (Row row : rows) {
                    ConditionCode code = row.code();
                    codes.add(code);
                    citations.add(code.citation());
                    Map<String, ProbeBuilder> index = code.system() == ConditionCodeSystem.SNOMED ? snomed : icd10cm;
                    index.computeIfAbsent(row.key(), k -> new ProbeBuilder()).add(code);
                }
                String name = names.get(groupId).name();
                groups.put(groupId, new ConditionGroup(groupId, name, codes, List.copyOf(citations)));
            });
            return new ConditionGroups(Collections.unmodifiableMap(groups), freeze(snomed), freeze(icd10cm));
        }

        /**
         * A code already covered by a prefix row of the same group is redundant at best and a sign
         * of a mis-keyed row at worst; either way the author should look at it.
         */
        private static void rejectCodesCoveredByAPrefix(List<Row> rows) {
            Map<String, Row> prefixes = new HashMap<>();
            for (Row row : rows) {
                if (row.code().system() == ConditionCodeSystem.ICD10CM
                        && row.code().match() == CodeMatch.PREFIX) {
                    prefixes.put(row.key(), row);
                }
            }
            for (Row row : rows) {
                if (row.code().system() != ConditionCodeSystem.ICD10CM) {
                    continue;
                }
                for (int length = row.key().length() - 1; length >= ICD10CM_CATEGORY_LENGTH; length--) {
                    Row prefix = prefixes.get(row.key().substring(0, length));
                    if (prefix != null) {
                        Row later = prefix.line() > row.line() ? prefix : row;
                        Row earlier = later == prefix ? row : prefix;
                        throw new KnowledgeLoadException(
                                CONDITION_GROUPS,
                                later.line(),
                                "ICD-10-CM " + row.code().code() + " is already covered by prefix "
                                        + prefix.code().code() + " in group '"
                                        + row.code().groupId()
                                        + "' (line " + earlier.line() + " and this line)");
                    }
                }
            }
        }

        private static Map<String, Probe> freeze(Map<String, ProbeBuilder> builders) {
            Map<String, Probe> frozen = new HashMap<>(builders.size() * 2);
            builders.forEach((key, builder) -> frozen.put(key, builder.build()));
            return Collections.unmodifiableMap(frozen);
        }
    }

    private static final class ProbeBuilder {
        private final Set<String> wholeGroups = new LinkedHashSet<>();
        private final Set<String> ancestorGroups = new LinkedHashSet<>();
        private final List<ConditionCode> wholeRows = new ArrayList<>();
        private final List<ConditionCode> ancestorRows = new ArrayList<>();

        void add(ConditionCode code) {
            wholeGroups.add(code.groupId());
            wholeRows.add(code);
            if (code.match() == CodeMatch.PREFIX) {
                ancestorGroups.add(code.groupId());
                ancestorRows.add(code);
            }
        }

        Probe build() {
            return new Probe(
                    Collections.unmodifiableSet(wholeGroups),
                    Collections.unmodifiableSet(ancestorGroups),
                    List.copyOf(wholeRows),
                    List.copyOf(ancestorRows));
        }
    }
}
