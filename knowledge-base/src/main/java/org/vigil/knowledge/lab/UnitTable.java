package org.vigil.knowledge.lab;

import java.util.List;
import java.util.Map;

/**
 * The units one analyte accepts. Lookup is a hash probe on the unit as received; only when that
 * misses is it compared, without allocating, with every accepted unit ignoring case and reading the
 * micro signs as {@code u} (UCUM's case-insensitive form). The loader guarantees that this second
 * match can never be ambiguous.
 */
final class UnitTable {

    private final Map<String, UnitConversion> exact;
    private final UnitConversion[] all;

    UnitTable(Map<String, UnitConversion> exact) {
        this.exact = Map.copyOf(exact);
        this.all = exact.values().toArray(new UnitConversion[0]);
    }

    /** The rule for {@code unit}, or {@code null} when the unit is not accepted. */
    UnitConversion find(String unit) {
        UnitConversion rule = exact.get(unit);
        if (rule != null) {
            return rule;
        }
        for (UnitConversion candidate : all) {
            if (foldEquals(candidate.unit(), unit)) {
                return candidate;
            }
        }
        return null;
    }

    List<UnitConversion> rules() {
        return List.of(all);
    }

    /** The key two spellings share when they differ only in case or micro sign. */
    static String foldKey(String unit) {
        StringBuilder key = new StringBuilder(unit.length());
        String stripped = unit.strip();
        for (int i = 0; i < stripped.length(); i++) {
            key.append(upper(fold(stripped.charAt(i))));
        }
        return key.toString();
    }

    /** Compares a table unit with a received unit, ignoring surrounding blanks in the received one. */
    static boolean foldEquals(String tableUnit, String received) {
        int start = 0;
        int end = received.length();
        while (start < end && Character.isWhitespace(received.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(received.charAt(end - 1))) {
            end--;
        }
        if (end - start != tableUnit.length()) {
            return false;
        }
        for (int i = 0; i < tableUnit.length(); i++) {
            if (upper(fold(tableUnit.charAt(i))) != upper(fold(received.charAt(start + i)))) {
                return false;
            }
        }
        return true;
    }

    private static char fold(char c) {
        return c == '\u00B5' || c == '\u03BC' ? 'u' : c;
    }

    private static char upper(char c) {
        return c < 128 ? Character.toUpperCase(c) : c;
    }
}
