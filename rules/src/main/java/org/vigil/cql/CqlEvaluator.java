package org.vigil.cql;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.lang3.tuple.Pair;
import org.opencds.cqf.cql.engine.execution.CqlEngine;
import org.opencds.cqf.cql.engine.execution.EvaluationResult;
import org.opencds.cqf.cql.engine.execution.ExpressionResult;
import org.opencds.cqf.cql.engine.fhir.model.R4FhirModelResolver;

/**
 * Evaluates expressions of translated CQL libraries in the Patient context against one patient's
 * FHIR R4 resources.
 *
 * <p>Create one per application: it owns the FHIR model resolver, which is costly to build (seconds)
 * and is shared by every evaluation, and a pool of CQL engines. An engine is not thread-safe, so each
 * evaluation borrows one for itself and returns it when done; only the patient's retrieve provider is
 * new per evaluation. The translated libraries, the model resolver and the value sets are shared and
 * only read, so concurrent evaluations are safe.
 */
public final class CqlEvaluator {

    private final CqlLibraries libraries;
    private final ValueSetTerminology terminology;
    private final FhirPropertyReader modelResolver;
    private final CqlEnginePool engines;

    public CqlEvaluator(CqlLibraries libraries, ValueSetTerminology terminology) {
        this(libraries, terminology, new R4FhirModelResolver());
    }

    public CqlEvaluator(CqlLibraries libraries, ValueSetTerminology terminology, R4FhirModelResolver modelResolver) {
        this.libraries = Objects.requireNonNull(libraries);
        this.terminology = Objects.requireNonNull(terminology);
        this.modelResolver = new FhirPropertyReader(Objects.requireNonNull(modelResolver));
        this.engines = new CqlEnginePool(this.modelResolver, terminology);
    }

    /** Every expression of the library, evaluated now. */
    public CqlResults evaluate(CqlLibrary library, CqlPatientData patient) {
        return evaluate(library, library.expressionNames(), patient, ZonedDateTime.now());
    }

    /**
     * The named expressions of the library for the patient.
     *
     * @param evaluationTime the value of {@code Now()} and {@code Today()} in the library
     * @throws IllegalArgumentException when the library does not define one of the expressions
     * @throws CqlEvaluationException when evaluation fails
     */
    public CqlResults evaluate(
            CqlLibrary library, Set<String> expressions, CqlPatientData patient, ZonedDateTime evaluationTime) {
        for (String name : expressions) {
            if (!library.expressionNames().contains(name)) {
                throw new IllegalArgumentException("Library " + library + " defines no expression " + name);
            }
        }
        PatientDataRetrieveProvider retrieve = new PatientDataRetrieveProvider(patient, modelResolver, terminology);
        CqlEnginePool.Engine pooled = engines.acquire(libraries.runtimeLibraryManager());
        EvaluationResult result;
        boolean completed = false;
        try {
            CqlEngine engine = pooled.prepare(retrieve);
            result = engine.evaluate(
                    library.identifier(),
                    expressions,
                    Pair.of("Patient", patient.patientId()),
                    Map.of(),
                    null,
                    evaluationTime);
            completed = true;
        } catch (RuntimeException e) {
            throw new CqlEvaluationException(
                    "CQL library " + library + " failed for patient " + patient.patientId() + ": " + e.getMessage(), e);
        } finally {
            engines.release(pooled, completed);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : expressions) {
            ExpressionResult r = result.forExpression(name);
            values.put(name, r == null ? null : javaValue(r.value()));
        }
        return new CqlResults(library.name(), values);
    }

    /** The engines kept idle for the next evaluations, for tests. */
    int idleEngines() {
        return engines.idleCount();
    }

    private static Object javaValue(Object value) {
        if (value instanceof Iterable<?> items && !(value instanceof Map<?, ?>)) {
            ArrayList<Object> list = new ArrayList<>();
            items.forEach(item -> list.add(javaValue(item)));
            return java.util.Collections.unmodifiableList(list);
        }
        return value;
    }
}
