package org.vigil.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interactions by unordered ingredient pair, laid out as compressed adjacency lists. A small
 * open-addressing table maps an ingredient to the start of its run in one shared {@code int[]}:
 * the run holds the partner count, then the partners in ascending order; a parallel array holds the
 * interactions of each pair. A probe reads one table slot and one short contiguous run, so the
 * memory a request touches grows with the medications it checks, not with the size of the table,
 * and a million-pair table answers about as fast as a small one. Probes allocate nothing; a table
 * of millions of pairs is a few flat arrays (no boxed keys, no entry objects).
 */
final class PairIndex {

    private static final int GOLDEN = 0x9E3779B9;
    private static final int MAX_BITS = 30;

    /** Per slot: the ingredient RxCUI in the high half, its run's start in the low half; 0 = empty. */
    private final long[] slots;

    /** Runs of {@code count, partner1, partner2, ...}, ingredients in ascending RxCUI order. */
    private final int[] runs;

    /** The interactions of the pair at the same position in {@link #runs}. */
    private final Object[] interactions;

    private final int shift;
    private final int mask;
    private final int pairs;

    private PairIndex(long[] slots, int[] runs, Object[] interactions, int pairs) {
        this.slots = slots;
        this.runs = runs;
        this.interactions = interactions;
        this.mask = slots.length - 1;
        this.shift = 32 - Integer.numberOfTrailingZeros(slots.length);
        this.pairs = pairs;
    }

    /** The pair key: smaller RxCUI in the high half, so (a, b) and (b, a) are the same key. */
    static long key(int a, int b) {
        int low = Math.min(a, b);
        int high = Math.max(a, b);
        return ((long) low << 32) | (high & 0xFFFFFFFFL);
    }

    private static int slot(int rxcui, int shift) {
        return (rxcui * GOLDEN) >>> shift;
    }

    /** The interactions of the pair, or {@code null} when there are none. */
    @SuppressWarnings("unchecked")
    List<Interaction> get(int a, int b) {
        if (a <= 0 || b <= 0) {
            return null;
        }
        for (int i = slot(a, shift); ; i = (i + 1) & mask) {
            long found = slots[i];
            if (found == 0L) {
                return null;
            }
            if ((int) (found >>> 32) == a) {
                int at = indexOf((int) found, b);
                return at < 0 ? null : (List<Interaction>) interactions[at];
            }
        }
    }

    /** Position of the partner in the run starting at {@code start}, or -1. */
    private int indexOf(int start, int partner) {
        int from = start + 1;
        int to = from + runs[start];
        if (to - from <= 16) {
            for (int i = from; i < to; i++) {
                if (runs[i] >= partner) {
                    return runs[i] == partner ? i : -1;
                }
            }
            return -1;
        }
        int at = Arrays.binarySearch(runs, from, to, partner);
        return at < 0 ? -1 : at;
    }

    int pairs() {
        return pairs;
    }

    /** Collects pairs while the tables load; not thread-safe, used by one loader thread. */
    static final class Builder {

        private static final long PAIR_GOLDEN = 0x9E3779B97F4A7C15L;

        private static int pairSlot(long key, int shift) {
            return (int) ((key * PAIR_GOLDEN) >>> shift);
        }

        private long[] keys = new long[16];
        private Object[] values = new Object[16];
        private int size;

        /**
         * Adds the interaction to the pair unless it is already there; class rows can produce the
         * same pair twice (an ingredient in both classes), and it must be listed once.
         */
        void add(int a, int b, Interaction interaction) {
            if (a <= 0 || b <= 0) {
                throw new IllegalArgumentException("rxcui must be positive");
            }
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            long key = key(a, b);
            int mask = keys.length - 1;
            int shift = 64 - Integer.numberOfTrailingZeros(keys.length);
            for (int i = pairSlot(key, shift); ; i = (i + 1) & mask) {
                if (keys[i] == 0L) {
                    keys[i] = key;
                    values[i] = interaction;
                    size++;
                    return;
                }
                if (keys[i] == key) {
                    values[i] = appendOnce(values[i], interaction);
                    return;
                }
            }
        }

        @SuppressWarnings("unchecked")
        private static Object appendOnce(Object current, Interaction interaction) {
            if (current instanceof Interaction single) {
                if (single == interaction) {
                    return single;
                }
                List<Interaction> list = new ArrayList<>(2);
                list.add(single);
                list.add(interaction);
                return list;
            }
            List<Interaction> list = (List<Interaction>) current;
            if (!list.contains(interaction)) {
                list.add(interaction);
            }
            return list;
        }

        private void grow() {
            int bits = Integer.numberOfTrailingZeros(keys.length) + 1;
            if (bits > MAX_BITS) {
                throw new IllegalStateException("too many interaction pairs");
            }
            long[] oldKeys = keys;
            Object[] oldValues = values;
            keys = new long[1 << bits];
            values = new Object[1 << bits];
            int mask = keys.length - 1;
            int shift = 64 - bits;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != 0L) {
                    int i = pairSlot(oldKeys[j], shift);
                    while (keys[i] != 0L) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = oldKeys[j];
                    values[i] = oldValues[j];
                }
            }
        }

        /** Freezes the pairs into the adjacency layout; the builder must not be used afterwards. */
        @SuppressWarnings("unchecked")
        PairIndex build() {
            // Frozen once per pair, so (a, b) and (b, a) answer with the very same list.
            Object[] frozen = new Object[values.length];
            Map<Integer, Integer> degree = new HashMap<>();
            for (int slot = 0; slot < keys.length; slot++) {
                long key = keys[slot];
                if (key != 0L) {
                    Object value = values[slot];
                    frozen[slot] = value instanceof Interaction single
                            ? List.of(single)
                            : List.copyOf((List<Interaction>) value);
                    degree.merge((int) (key >>> 32), 1, Integer::sum);
                    degree.merge((int) key, 1, Integer::sum);
                }
            }
            int[] ingredients = degree.keySet().stream()
                    .mapToInt(Integer::intValue)
                    .sorted()
                    .toArray();
            // Each ingredient's entries: partner in the high half, builder slot in the low half.
            long[][] entries = new long[ingredients.length][];
            Map<Integer, Integer> position = new HashMap<>(ingredients.length * 2);
            for (int i = 0; i < ingredients.length; i++) {
                entries[i] = new long[degree.get(ingredients[i])];
                position.put(ingredients[i], i);
            }
            int[] filled = new int[ingredients.length];
            for (int slot = 0; slot < keys.length; slot++) {
                long key = keys[slot];
                if (key != 0L) {
                    int low = (int) (key >>> 32);
                    int high = (int) key;
                    int l = position.get(low);
                    int h = position.get(high);
                    entries[l][filled[l]++] = ((long) high << 32) | slot;
                    entries[h][filled[h]++] = ((long) low << 32) | slot;
                }
            }
            int bits = Math.max(4, 64 - Long.numberOfLeadingZeros(Math.max(1, ingredients.length) * 4L - 1));
            if (bits > MAX_BITS) {
                throw new IllegalStateException("too many ingredients with interactions");
            }
            long[] table = new long[1 << bits];
            int tableMask = table.length - 1;
            int tableShift = 32 - bits;
            int[] runs = new int[ingredients.length + 2 * size];
            Object[] lists = new Object[runs.length];
            int next = 0;
            for (int i = 0; i < ingredients.length; i++) {
                long[] partners = entries[i];
                Arrays.sort(partners);
                int start = next;
                runs[next++] = partners.length;
                for (long partner : partners) {
                    runs[next] = (int) (partner >>> 32);
                    lists[next] = frozen[(int) partner];
                    next++;
                }
                int rxcui = ingredients[i];
                int at = slot(rxcui, tableShift);
                while (table[at] != 0L) {
                    at = (at + 1) & tableMask;
                }
                table[at] = ((long) rxcui << 32) | start;
            }
            PairIndex index = new PairIndex(table, runs, lists, size);
            keys = null;
            values = null;
            return index;
        }
    }
}
