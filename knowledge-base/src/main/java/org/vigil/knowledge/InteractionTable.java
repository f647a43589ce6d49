package org.vigil.knowledge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drug-drug interactions by ingredient pair. Class rows are expanded to every member pair when the
 * snapshot loads, so a lookup is a single hash probe that allocates nothing.
 */
public final class InteractionTable {

    private final List<Interaction> rows;
    private final Map<String, Interaction> byId;
    private final PairIndex pairs;

    InteractionTable(List<Interaction> rows, PairIndex pairs) {
        this.rows = List.copyOf(rows);
        this.pairs = pairs;
        Map<String, Interaction> ids = new HashMap<>();
        rows.forEach(row -> ids.put(row.id(), row));
        this.byId = Map.copyOf(ids);
    }

    /**
     * Interactions between two ingredients, in either order. Returns a shared immutable list (empty
     * when none, or when either RxCUI is not positive); an ingredient paired with itself has none.
     */
    public List<Interaction> between(int ingredientA, int ingredientB) {
        List<Interaction> found = pairs.get(ingredientA, ingredientB);
        return found == null ? List.of() : found;
    }

    /** Number of interaction rows (before class expansion). */
    public int size() {
        return rows.size();
    }

    /** Number of distinct ingredient pairs the rows expand to. */
    public int pairCount() {
        return pairs.pairs();
    }

    public List<Interaction> rows() {
        return rows;
    }

    public Optional<Interaction> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
