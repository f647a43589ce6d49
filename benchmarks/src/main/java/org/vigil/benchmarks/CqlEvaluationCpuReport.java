package org.vigil.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The CPU time one evaluation of {@link CqlEvaluationBenchmark} takes on the calling thread, for
 * Vigil and for the Clinical Reasoning {@code LibraryEngine}: a figure a shared, loaded machine
 * disturbs far less than wall-clock latency (time spent waiting for a core is not counted). Each
 * engine runs {@code warm-up} evaluations, then reports the median, 90th and 99th percentile of the
 * next {@code measured}.
 *
 * <p>{@code java -Xms1g -Xmx1g -cp "benchmarks/target/classes:$(cat benchmarks/target/benchmark.classpath)"
 * org.vigil.benchmarks.CqlEvaluationCpuReport [warm-up] [measured]}
 */
public final class CqlEvaluationCpuReport {

    private CqlEvaluationCpuReport() {}

    public static void main(String[] args) {
        int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        CqlEvaluationBenchmark benchmark = new CqlEvaluationBenchmark();
        benchmark.setUp();
        double vigil = report("vigil", benchmark::vigil, warmUp, measured);
        double reference = report("clinicalReasoning", benchmark::clinicalReasoning, warmUp, measured);
        System.out.printf("clinicalReasoning / vigil (median CPU time): %.2f%n", reference / vigil);
    }

    private static double report(String name, Supplier<Object> evaluation, int warmUp, int measured) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmUp; i++) {
            consume(evaluation.get());
        }
        long[] cpu = new long[measured];
        for (int i = 0; i < measured; i++) {
            long start = threads.getCurrentThreadCpuTime();
            consume(evaluation.get());
            cpu[i] = threads.getCurrentThreadCpuTime() - start;
        }
        Arrays.sort(cpu);
        double median = cpu[measured / 2] / 1e6;
        System.out.printf(
                "%s: CPU ms per evaluation p50 %.2f, p90 %.2f, p99 %.2f (%d measured after %d warm-up)%n",
                name,
                median,
                cpu[measured * 9 / 10] / 1e6,
                cpu[Math.min(measured - 1, measured * 99 / 100)] / 1e6,
                measured,
                warmUp);
        return median;
    }

    private static void consume(Object result) {
        if (result == null) {
            throw new IllegalStateException("An evaluation returned nothing");
        }
    }
}
