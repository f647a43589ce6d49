package org.vigil.knowledge;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which pairs of different ingredients count as therapeutic duplication. Rows are expanded to every
 * ingredient pair when the snapshot loads; a lookup is one probe of an open-addressing table keyed
 * by the ordered pair and returns a pre-built {@link Optional}, so it allocates nothing.
 *
 * <p>The same ingredient twice (two acetaminophen products) is not answered here: callers detect it
 * by ingredient identity, and {@link #between(int, int)} returns empty for it.
 */
public final class DuplicateTherapy {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final List<TherapeuticDuplication> rows;
    /** Key 0 marks an empty slot; real keys never are 0 because RxCUIs are positive. */
    private final long[] keys;

    private final Optional<TherapeuticDuplication>[] values;
    private final int shift;
    private final int mask;
    private final int pairs;

    private DuplicateTherapy(
            List<TherapeuticDuplication> rows, long[] keys, Optional<TherapeuticDuplication>[] values, int pairs) {
        this.rows = List.copyOf(rows);
        this.keys = keys;
        this.values = values;
        this.mask = keys.length - 1;
        this.shift = 64 - Integer.numberOfTrailingZeros(keys.length);
        this.pairs = pairs;
    }

    /**
     * The duplication two different ingredients make, in either order; empty when they make none,
     * when they are the same ingredient, or when either RxCUI is not positive. When several rows
     * cover the pair, the first in table order wins.
     */
    public Optional<TherapeuticDuplication> between(int ingredientA, int ingredientB) {
        if (ingredientA <= 0 || ingredientB <= 0 || ingredientA == ingredientB) {
            return Optional.empty();
        }
        long key = PairIndex.key(ingredientA, ingredientB);
        for (int i = slot(key, shift); ; i = (i + 1) & mask) {
            long found = keys[i];
            if (found == key) {
                return values[i];
            }
            if (found == 0L) {
                return Optional.empty();
            }
        }
    }

    /** The table rows, in file order. */
    public List<TherapeuticDuplication> rows() {
        return rows;
    }

    public Optional<TherapeuticDuplication> byId(String id) {
        for (TherapeuticDuplication row : rows) {
            if (row.id().equals(id)) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    /** Number of distinct ingredient pairs the rows expand to. */
    public int pairCount() {
        return pairs;
    }

    private static int slot(long key, int shift) {
        return (int) ((key * GOLDEN) >>> shift);
    }

    /** Collects pairs while the table loads; not thread-safe, used by one loader thread. */
    static final class Builder {

        private final Map<Long, TherapeuticDuplication> byPair = new LinkedHashMap<>();
        private final List<TherapeuticDuplication> rows = new ArrayList<>();

        void row(TherapeuticDuplication row) {
            rows.add(row);
        }

        /** Adds the pair unless an earlier row already covers it; returns whether it was new. */
        boolean add(int a, int b, TherapeuticDuplication row) {
            if (a <= 0 || b <= 0 || a == b) {
                throw new IllegalArgumentException("a duplication pairs two different positive RxCUIs");
            }
            return byPair.putIfAbsent(PairIndex.key(a, b), row) == null;
        }

        @SuppressWarnings("unchecked")
        DuplicateTherapy build() {
            int capacity = 16;
            while (capacity < byPair.size() * 2) {
                capacity <<= 1;
            }
            long[] keys = new long[capacity];
            Optional<TherapeuticDuplication>[] values = new Optional[capacity];
            Map<TherapeuticDuplication, Optional<TherapeuticDuplication>> shared = new IdentityHashMap<>();
            int shift = 64 - Integer.numberOfTrailingZeros(capacity);
            int mask = capacity - 1;
            for (var entry : byPair.entrySet()) {
                long key = entry.getKey();
                int i = slot(key, shift);
                while (keys[i] != 0L) {
                    i = (i + 1) & mask;
                }
                keys[i] = key;
                values[i] = shared.computeIfAbsent(entry.getValue(), Optional::of);
            }
            return new DuplicateTherapy(rows, keys, values, byPair.size());
        }
    }
}
