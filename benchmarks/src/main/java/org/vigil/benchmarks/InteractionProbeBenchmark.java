package org.vigil.benchmarks;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vigil.knowledge.Ingredient;
import org.vigil.knowledge.Interaction;
import org.vigil.knowledge.InteractionTable;
import org.vigil.knowledge.KnowledgeSnapshot;

/**
 * One interaction probe for an ingredient pair, on the shipped table and with a million synthetic
 * rows added. The probed pairs are the shipped ingredients against each other (a few hit, most
 * miss, as in a real medication list), so both table sizes answer the same questions.
 *
 * <p>Run: {@code benchmarks/jmh InteractionProbeBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 2,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class InteractionProbeBenchmark {

    private static final int PAIRS = 4096;

    @Param({"0", "1000000"})
    public int syntheticRows;

    private InteractionTable table;
    private int[] left;
    private int[] right;
    private int next;

    @Setup
    public void setUp() {
        KnowledgeSnapshot snapshot = syntheticRows == 0
                ? KnowledgeSnapshot.bundled()
                : SyntheticKnowledge.snapshot(syntheticRows, 20_000, 42);
        table = snapshot.interactions();
        List<Ingredient> shipped = KnowledgeSnapshot.bundled().drugs().ingredients().stream()
                .sorted(java.util.Comparator.comparingInt(Ingredient::rxcui))
                .toList();
        SplittableRandom random = new SplittableRandom(7);
        left = new int[PAIRS];
        right = new int[PAIRS];
        for (int i = 0; i < PAIRS; i++) {
            left[i] = shipped.get(random.nextInt(shipped.size())).rxcui();
            right[i] = shipped.get(random.nextInt(shipped.size())).rxcui();
        }
    }

    @Benchmark
    public List<Interaction> probePair() {
        int i = next++ & (PAIRS - 1);
        return table.between(left[i], right[i]);
    }
}
