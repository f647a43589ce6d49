package org.vigil.benchmarks;

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
import org.vigil.service.hooks.VigilCdsService;
import org.vigil.service.pipeline.HookPipeline;

/**
 * One order-sign call without the network: decode the CDS Hooks request (30 FHIR resources: 3
 * draft orders, 18 active medications, 8 allergies, the patient), normalize, evaluate the Drools
 * checks, apply the alert policy, write and encode the cards. Sample mode gives percentiles.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar OrderSignBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 4)
@Fork(
        value = 2,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class OrderSignBenchmark {

    private HookPipeline pipeline;
    private VigilCdsService service;
    private byte[] request;

    @Setup
    public void setUp() {
        pipeline = Pipelines.orderSign(new Pipelines.CountingSink());
        service = Pipelines.orderSignService();
        request = Pipelines.resource("order-sign-30-resources.json");
    }

    @Benchmark
    public byte[] decodeEvaluateEncode() {
        return pipeline.call(service, request).block().body();
    }
}
