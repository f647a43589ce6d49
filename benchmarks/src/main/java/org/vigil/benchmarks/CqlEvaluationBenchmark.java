package org.vigil.benchmarks;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hl7.elm.r1.VersionedIdentifier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Resource;
import org.opencds.cqf.cql.engine.execution.EvaluationResult;
import org.opencds.cqf.fhir.cql.EvaluationSettings;
import org.opencds.cqf.fhir.cql.LibraryEngine;
import org.opencds.cqf.fhir.utility.repository.InMemoryFhirRepository;
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
import org.vigil.cql.CqlEvaluator;
import org.vigil.cql.CqlLibraries;
import org.vigil.cql.CqlLibrary;
import org.vigil.cql.CqlPatientData;
import org.vigil.cql.CqlResults;
import org.vigil.cql.ValueSetTerminology;

/**
 * Warm evaluation of a CQL library ({@code cql/VigilBench.cql}: retrieves by code and by value set,
 * value-set membership, latest-value-by-date) for one patient with {@value SyntheticChart#SIZE} FHIR
 * resources ({@link SyntheticChart}), every expression of the library.
 *
 * <ul>
 *   <li>{@link #vigil}: Vigil's host ({@link CqlEvaluator}, pooled engines), indexing the patient's
 *       resources on each call as a request does. Target (issue): p99 at most 5 ms.
 *   <li>{@link #clinicalReasoning}: the same library and data through {@code LibraryEngine} of the FHIR
 *       Clinical Reasoning module ({@code org.opencds.cqf.fhir:cqf-fhir-cql}, what HAPI's $evaluate
 *       uses), its data and value sets in an in-memory repository loaded once, its library cache and
 *       value-set cache kept between calls (one {@link EvaluationSettings}), and the raw engine result
 *       taken (no conversion to FHIR Parameters). Target: Vigil at least 2x faster.
 * </ul>
 *
 * <p>Run: {@code benchmarks/jmh CqlEvaluationBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 2,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class CqlEvaluationBenchmark {

    static final String LIBRARY = "cql/VigilBench.cql";
    static final ZonedDateTime AS_OF = SyntheticChart.AS_OF.atZone(ZoneOffset.UTC);

    List<Resource> chart;
    CqlEvaluator evaluator;
    CqlLibrary library;
    LibraryEngine libraryEngine;
    VersionedIdentifier libraryId;

    @Setup
    public void setUp() {
        chart = SyntheticChart.resources();
        CqlLibraries libraries = new CqlLibraries();
        library = libraries.translateResource(LIBRARY);
        evaluator = new CqlEvaluator(libraries, ValueSetTerminology.of(SyntheticChart.valueSets()));

        FhirContext fhir = FhirContext.forR4Cached();
        Bundle repositoryContent = new Bundle().setType(Bundle.BundleType.COLLECTION);
        repositoryContent.addEntry().setResource(libraryResource(cql()));
        SyntheticChart.valueSets().forEach(vs -> repositoryContent.addEntry().setResource(vs));
        chart.forEach(r -> repositoryContent.addEntry().setResource(r));
        libraryEngine =
                new LibraryEngine(new InMemoryFhirRepository(fhir, repositoryContent), EvaluationSettings.getDefault());
        libraryId = new VersionedIdentifier().withId(library.name()).withVersion(library.version());
    }

    @Benchmark
    public CqlResults vigil() {
        return evaluator.evaluate(library, library.expressionNames(), CqlPatientData.of(chart), AS_OF);
    }

    @Benchmark
    public EvaluationResult clinicalReasoning() {
        return libraryEngine.getEvaluationResult(
                libraryId,
                "Patient/" + SyntheticChart.PATIENT_ID,
                null,
                null,
                null,
                library.expressionNames(),
                null,
                AS_OF,
                null);
    }

    static String cql() {
        try (InputStream in = CqlEvaluationBenchmark.class.getClassLoader().getResourceAsStream(LIBRARY)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Library libraryResource(String cql) {
        Library library = new Library();
        library.setId("VigilBench");
        library.setUrl("http://vigil.invalid/fhir/Library/VigilBench");
        library.setName("VigilBench");
        library.setVersion("0.1.0");
        library.setStatus(PublicationStatus.ACTIVE);
        library.addContent().setContentType("text/cql").setData(cql.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return library;
    }

    /** The expressions the benchmark library defines, for tests. */
    Set<String> expressions() {
        return library.expressionNames();
    }
}
