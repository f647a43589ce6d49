package org.vigil.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.vigil.knowledge.KnowledgeSnapshot;

/**
 * Builds the knowledge snapshot with a million synthetic interaction rows and reports the build
 * time and the heap the snapshot keeps after a full collection. Run it with the heap the target
 * allows, so that not fitting is a failure rather than a number:
 *
 * <p>{@code java -Xmx1g -cp "benchmarks/target/classes:$(cat benchmarks/target/benchmark.classpath)"
 * org.vigil.benchmarks.KnowledgeScaleReport}
 */
public final class KnowledgeScaleReport {

    private KnowledgeScaleReport() {}

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = usedAfterGc(memory);
        var tables = SyntheticKnowledge.tables(rows, 20_000, 42);
        long started = System.nanoTime();
        KnowledgeSnapshot snapshot = KnowledgeSnapshot.load(org.vigil.knowledge.KnowledgeSource.ofBytes(tables));
        long buildMillis = (System.nanoTime() - started) / 1_000_000;
        tables = null;
        long retained = usedAfterGc(memory) - baseline;
        System.out.printf(
                "rows=%d interactions=%d pairs=%d build_ms=%d snapshot_heap_mb=%.1f max_heap_mb=%d version=%s%n",
                rows,
                snapshot.interactions().size(),
                snapshot.interactions().pairCount(),
                buildMillis,
                retained / 1024.0 / 1024.0,
                Runtime.getRuntime().maxMemory() / 1024 / 1024,
                snapshot.version());
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
