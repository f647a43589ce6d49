package org.vigil.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairIndexTest {

    private static Interaction interaction(String id) {
        return new Interaction(id, id, Severity.MINOR, false, "m", "e", "g", new Citation("test fixture", null));
    }

    @Test
    void packsUnorderedPairsIntoOneKey() {
        assertThat(PairIndex.key(7, 3)).isEqualTo(PairIndex.key(3, 7)).isEqualTo((3L << 32) | 7L);
        assertThat(PairIndex.key(Integer.MAX_VALUE, 1)).isEqualTo((1L << 32) | Integer.MAX_VALUE);
    }

    @Test
    void agreesWithAHashMapAcrossManyGrowingPairs() {
        SplittableRandom random = new SplittableRandom(42);
        PairIndex.Builder builder = new PairIndex.Builder();
        Map<Long, String> expected = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            int a = 1 + random.nextInt(2_000_000);
            int b = 1 + random.nextInt(2_000_000);
            if (a == b || expected.containsKey(PairIndex.key(a, b))) {
                continue;
            }
            String id = "R-" + i;
            builder.add(a, b, interaction(id));
            expected.put(PairIndex.key(a, b), id);
        }
        PairIndex index = builder.build();

        assertThat(index.pairs()).isEqualTo(expected.size());
        expected.forEach((key, id) -> {
            int low = (int) (key >>> 32);
            int high = (int) (long) key;
            assertThat(index.get(high, low)).extracting(Interaction::id).containsExactly(id);
        });
        assertThat(index.get(2_000_001, 2_000_002)).isNull();
    }

    @Test
    void keepsSeveralInteractionsPerPairOnceEachInOrder() {
        Interaction first = interaction("A");
        Interaction second = interaction("B");
        PairIndex.Builder builder = new PairIndex.Builder();
        builder.add(1, 2, first);
        builder.add(2, 1, first);
        builder.add(1, 2, second);
        builder.add(2, 1, second);

        List<Interaction> found = builder.build().get(2, 1);

        assertThat(found).containsExactly(first, second);
    }
}
