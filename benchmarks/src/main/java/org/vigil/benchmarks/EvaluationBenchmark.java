package org.vigil.benchmarks;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vigil.cdshooks.codec.CdsHooksCodec;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.rules.CheckEngine;
import org.vigil.rules.Finding;
import org.vigil.rules.PatientContext;
import org.vigil.service.context.PatientContextAssembler;

/**
 * Rule evaluation alone, normalized facts in, findings out, on a busy chart: 3 draft orders with
 * dosage instructions, 20 active medications, 10 allergies, 10 conditions and 50 laboratory results
 * ({@value #FIXTURE}). Target (issue 4): p99 at most 300 µs. The context is assembled once; only
 * {@link CheckEngine#evaluate} is timed.
 *
 * <p>Run: {@code benchmarks/jmh EvaluationBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 2,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class EvaluationBenchmark {

    static final String FIXTURE = "order-sign-evaluation-20-3-10-50-10.json";

    /**
     * The fixture's results are dated a few days before this instant; assembling "as of" it keeps
     * them inside every lookback window whenever the benchmark runs.
     */
    static final Clock AS_OF = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

    private CheckEngine engine;
    private KnowledgeSnapshot knowledge;
    private PatientContext context;

    /** The normalized facts of the fixture, as the production pipeline assembles them. */
    static PatientContext context(KnowledgeSnapshot knowledge) {
        return new PatientContextAssembler(AS_OF)
                .assemble(
                        new CdsHooksCodec(FhirContext.forR4Cached()).decodeRequest(Pipelines.resource(FIXTURE)),
                        knowledge);
    }

    @Setup
    public void setUp() {
        engine = CheckEngine.shipped();
        knowledge = KnowledgeSnapshot.bundled();
        context = context(knowledge);
    }

    @Benchmark
    public List<Finding> evaluate() {
        return engine.evaluate(context, knowledge);
    }
}
