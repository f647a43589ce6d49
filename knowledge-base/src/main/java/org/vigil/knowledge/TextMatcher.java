package org.vigil.knowledge;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds known ingredient names and synonyms as whole words in free text ("simvastatin 20mg tab").
 * At each word it tries the longest phrase first, so "penicillin G potassium" wins over a shorter
 * name inside it. Cost is words x longest-name-length hash probes, independent of table size.
 */
final class TextMatcher {

    private final Map<String, Ingredient> byKey;
    private final int longestName;

    TextMatcher(Map<String, Ingredient> byKey) {
        this.byKey = byKey;
        int longest = 1;
        for (String key : byKey.keySet()) {
            longest = Math.max(longest, key.split(" ").length);
        }
        this.longestName = longest;
    }

    /** Adds each ingredient found, in order of first appearance. */
    void findIn(String text, Set<Ingredient> found) {
        if (text == null) {
            return;
        }
        List<String> words = Names.tokens(text);
        int i = 0;
        while (i < words.size()) {
            int matched = 0;
            for (int length = Math.min(longestName, words.size() - i); length > 0; length--) {
                Ingredient ingredient = byKey.get(String.join(" ", words.subList(i, i + length)));
                if (ingredient != null) {
                    found.add(ingredient);
                    matched = length;
                    break;
                }
            }
            i += Math.max(matched, 1);
        }
    }

    Set<Ingredient> find(String... texts) {
        Set<Ingredient> found = new LinkedHashSet<>();
        for (String text : texts) {
            findIn(text, found);
        }
        return found;
    }
}
