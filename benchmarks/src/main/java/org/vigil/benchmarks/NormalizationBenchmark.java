package org.vigil.benchmarks;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
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
import org.vigil.cdshooks.request.CdsRequest;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.rules.PatientContext;
import org.vigil.service.context.PatientContextAssembler;

/**
 * Normalizing a decoded chart into rule facts: 20 medications (3 draft orders, 17 active, two of
 * them free text), 10 allergies (RxNorm, SNOMED CT and text), 50 observations (40 laboratory over
 * four days, 10 vital signs), the patient. Target (issue 3): p99 at most 20 µs.
 *
 * <p>Run: {@code benchmarks/jmh NormalizationBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 2,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class NormalizationBenchmark {

    private PatientContextAssembler assembler;
    private KnowledgeSnapshot knowledge;
    private CdsRequest request;

    @Setup
    public void setUp() {
        assembler = new PatientContextAssembler(Clock.systemUTC());
        knowledge = KnowledgeSnapshot.bundled();
        request = new org.vigil.cdshooks.codec.CdsHooksCodec(FhirContext.forR4Cached())
                .decodeRequest(Pipelines.resource("order-sign-normalization-20-10-50.json"));
    }

    @Benchmark
    public PatientContext normalize() {
        return assembler.assemble(request, knowledge);
    }
}
