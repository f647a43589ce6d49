package org.vigil.benchmarks;

import ca.uhn.fhir.context.FhirContext;
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
import org.vigil.cdshooks.request.CdsRequest;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.rules.CheckEngine;
import org.vigil.rules.Finding;
import org.vigil.rules.PatientContext;
import org.vigil.service.context.PatientContextAssembler;

/**
 * Where the order-sign time goes, stage by stage, on the same 30-resource request as
 * {@link OrderSignBenchmark}: decoding the JSON and its FHIR resources, normalizing them into facts,
 * and evaluating the Drools checks on normalized facts (the "rule time").
 *
 * <p>Run: {@code benchmarks/jmh OrderSignStagesBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 4, time = 3)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class OrderSignStagesBenchmark {

    private CdsHooksCodec codec;
    private PatientContextAssembler assembler;
    private CheckEngine engine;
    private KnowledgeSnapshot knowledge;
    private byte[] request;
    private CdsRequest decoded;
    private PatientContext context;

    @Setup
    public void setUp() {
        codec = new CdsHooksCodec(FhirContext.forR4Cached());
        assembler = new PatientContextAssembler(java.time.Clock.systemUTC());
        engine = CheckEngine.shipped();
        knowledge = KnowledgeSnapshot.bundled();
        request = Pipelines.resource("order-sign-30-resources.json");
        decoded = codec.decodeRequest(request);
        context = assembler.assemble(decoded, knowledge);
    }

    @Benchmark
    public CdsRequest decode() {
        return codec.decodeRequest(request);
    }

    @Benchmark
    public PatientContext normalize() {
        return assembler.assemble(decoded, knowledge);
    }

    @Benchmark
    public List<Finding> evaluateRules() {
        return engine.evaluate(context, knowledge);
    }
}
