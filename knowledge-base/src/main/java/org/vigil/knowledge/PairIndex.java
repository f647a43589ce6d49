package org.vigil.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Open-addressing hash map from an unordered ingredient pair, packed into one {@code long}, to the
 * interactions of that pair. A probe computes the key with arithmetic and walks primitive arrays,
 * so it allocates nothing; this is what lets a request check every pair of a long medication list
 * cheaply, and keeps a table of millions of pairs compact (no boxed keys, no entry objects).
 */
final class PairIndex {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final int MAX_BITS = 30;

    /** Key 0 marks an empty slot; real keys never are 0 because RxCUIs are positive. */
    private final long[] keys;

    private final Object[] values;
    private final int shift;
    private final int mask;
    private final int pairs;

    private PairIndex(long[] keys, Object[] values, int pairs) {
        this.keys = keys;
        this.values = values;
        this.mask = keys.length - 1;
        this.shift = 64 - Integer.numberOfTrailingZeros(keys.length);
        this.pairs = pairs;
    }

    /** The pair key: smaller RxCUI in the high half, so (a, b) and (b, a) are the same key. */
    static long key(int a, int b) {
        int low = Math.min(a, b);
        int high = Math.max(a, b);
        return ((long) low << 32) | (high & 0xFFFFFFFFL);
    }

    private static int slot(long key, int shift) {
        return (int) ((key * GOLDEN) >>> shift);
    }

    /** The interactions of the pair, or {@code null} when there are none. */
    @SuppressWarnings("unchecked")
    List<Interaction> get(int a, int b) {
        if (a <= 0 || b <= 0) {
            return null;
        }
        long key = key(a, b);
        for (int i = slot(key, shift); ; i = (i + 1) & mask) {
            long found = keys[i];
            if (found == key) {
                return (List<Interaction>) values[i];
            }
            if (found == 0L) {
                return null;
            }
        }
    }

    int pairs() {
        return pairs;
    }

    /** Collects pairs while the tables load; not thread-safe, used by one loader thread. */
    static final class Builder {

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
            // At most a quarter full: most probes are misses (two drugs that do not interact), and a
            // miss walks the run of occupied slots; short runs keep a million-pair table as fast as
            // a small one.
            if ((size + 1) * 4 > keys.length) {
                grow();
            }
            long key = key(a, b);
            int mask = keys.length - 1;
            int shift = 64 - Integer.numberOfTrailingZeros(keys.length);
            for (int i = slot(key, shift); ; i = (i + 1) & mask) {
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
                    int i = slot(oldKeys[j], shift);
                    while (keys[i] != 0L) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = oldKeys[j];
                    values[i] = oldValues[j];
                }
            }
        }

        /** Freezes the values into immutable lists; the builder must not be used afterwards. */
        @SuppressWarnings("unchecked")
        PairIndex build() {
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                if (value instanceof Interaction single) {
                    values[i] = List.of(single);
                } else if (value != null) {
                    values[i] = List.copyOf((List<Interaction>) value);
                }
            }
            PairIndex index = new PairIndex(keys, values, size);
            keys = null;
            values = null;
            return index;
        }
    }
}
