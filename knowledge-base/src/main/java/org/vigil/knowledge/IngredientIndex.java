package org.vigil.knowledge;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Ingredients by RxCUI and by normalised name or synonym, with salt folding. */
final class IngredientIndex {

    private final Map<Integer, Ingredient> byRxcui;
    private final Map<String, Ingredient> byKey;

    IngredientIndex(Map<Integer, Ingredient> byRxcui, Map<String, Ingredient> byKey) {
        this.byRxcui = Map.copyOf(byRxcui);
        this.byKey = Map.copyOf(byKey);
    }

    Optional<Ingredient> byRxcui(int rxcui) {
        return Optional.ofNullable(byRxcui.get(rxcui));
    }

    Collection<Ingredient> all() {
        return byRxcui.values();
    }

    Map<String, Ingredient> byKey() {
        return byKey;
    }

    /**
     * Exact name or synonym first; then trailing salt words are dropped one at a time, so
     * "Penicillin G Potassium" finds "penicillin G" even without a synonym.
     */
    Optional<Ingredient> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        List<String> tokens = Names.tokens(name);
        int end = tokens.size();
        while (end > 0) {
            Ingredient found = byKey.get(String.join(" ", tokens.subList(0, end)));
            if (found != null) {
                return Optional.of(found);
            }
            if (end == 1 || !Names.isSaltWord(tokens.get(end - 1))) {
                return Optional.empty();
            }
            end--;
        }
        return Optional.empty();
    }
}
