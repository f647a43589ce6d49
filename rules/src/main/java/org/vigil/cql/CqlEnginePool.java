package org.vigil.cql;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingDeque;
import org.cqframework.cql.cql2elm.LibraryManager;
import org.opencds.cqf.cql.engine.data.CompositeDataProvider;
import org.opencds.cqf.cql.engine.execution.CqlEngine;
import org.opencds.cqf.cql.engine.execution.Environment;
import org.opencds.cqf.cql.engine.execution.State;
import org.opencds.cqf.cql.engine.model.ModelResolver;
import org.opencds.cqf.cql.engine.retrieve.RetrieveProvider;
import org.opencds.cqf.cql.engine.runtime.Code;
import org.opencds.cqf.cql.engine.runtime.Interval;

/**
 * CQL engines kept between evaluations, each used by one evaluation at a time.
 *
 * <p>A {@link CqlEngine} is not thread-safe: its {@link State} holds the evaluation stack, the
 * expression cache, parameter values and the context. What it keeps that does not depend on the
 * patient (the resolution of function references, the environment and its data provider lookup) is
 * worth keeping; what does is reset before every evaluation ({@link Engine#prepare}). An engine
 * reads its patient through a {@link CurrentPatient} slot, so the only per-request objects are the
 * patient's data and its retrieve provider.
 *
 * <p>An engine is bound to the library manager it was built with; when libraries are translated
 * later (a new manager snapshot), idle engines of the old snapshot are dropped as they are met. An
 * engine whose evaluation failed is not returned, so a half-unwound state is never reused.
 */
final class CqlEnginePool {

    private static final String FHIR_MODEL_URI = "http://hl7.org/fhir";

    /** More idle engines than this are dropped: the pool never holds more than the peak concurrency. */
    private static final int MAX_IDLE = 32;

    private final ModelResolver modelResolver;
    private final ValueSetTerminology terminology;
    private final LinkedBlockingDeque<Engine> idle = new LinkedBlockingDeque<>(MAX_IDLE);

    CqlEnginePool(ModelResolver modelResolver, ValueSetTerminology terminology) {
        this.modelResolver = modelResolver;
        this.terminology = terminology;
    }

    /** An idle engine for the library manager, or a new one; the caller owns it until {@link #release}. */
    Engine acquire(LibraryManager libraryManager) {
        Engine engine;
        while ((engine = idle.pollFirst()) != null) {
            if (engine.libraryManager == libraryManager) {
                return engine;
            }
        }
        return new Engine(libraryManager, modelResolver, terminology);
    }

    /**
     * Takes an engine back after an evaluation. One whose evaluation failed, or that is somehow left
     * mid-evaluation, is dropped rather than kept.
     */
    void release(Engine engine, boolean completed) {
        engine.patient.clear();
        if (completed && engine.isIdle()) {
            idle.offerFirst(engine);
        }
    }

    /** Idle engines, for tests. */
    int idleCount() {
        return idle.size();
    }

    /** One engine and the slot its retrieves read the current patient from. */
    static final class Engine {

        private final LibraryManager libraryManager;
        private final CurrentPatient patient = new CurrentPatient();
        private final CqlEngine cqlEngine;

        private Engine(LibraryManager libraryManager, ModelResolver modelResolver, ValueSetTerminology terminology) {
            this.libraryManager = libraryManager;
            Environment environment = new Environment(
                    libraryManager,
                    Map.of(FHIR_MODEL_URI, new CompositeDataProvider(modelResolver, patient)),
                    terminology);
            // Expression results are cached within one evaluation only: prepare() clears them.
            Set<CqlEngine.Options> options = Set.of(CqlEngine.Options.EnableExpressionCaching);
            this.cqlEngine = new CqlEngine(environment, options);
            // Two shortcuts into the engine, each falling back to the engine's own way if unavailable:
            // no record of the resources each expression read (Vigil uses only values), and function
            // resolutions kept by call identity for the engine's life (its libraries never change).
            ValuesOnlyState.install(cqlEngine, environment, options);
            FunctionResolutionCache.keyByIdentity(cqlEngine.getCache());
        }

        /**
         * Points the engine at a patient and forgets what the previous evaluation computed: expression
         * results and parameter values (a parameter default may depend on Now()). The engine clears
         * its expression cache itself only when the context value changes, which a new chart of the
         * same patient, or a new evaluation time, does not do.
         */
        CqlEngine prepare(PatientDataRetrieveProvider retrieve) {
            cqlEngine.getCache().getExpressions().clear();
            cqlEngine.getState().getParameters().clear();
            patient.set(retrieve);
            return cqlEngine;
        }

        private boolean isIdle() {
            State state = cqlEngine.getState();
            return state.getStack().isEmpty() && state.getCurrentLibrary() == null;
        }
    }

    /** The retrieve provider of the patient being evaluated; none between evaluations. */
    private static final class CurrentPatient implements RetrieveProvider {

        private PatientDataRetrieveProvider current;

        void set(PatientDataRetrieveProvider retrieve) {
            current = retrieve;
        }

        void clear() {
            current = null;
        }

        @Override
        public Iterable<Object> retrieve(
                String context,
                String contextPath,
                Object contextValue,
                String dataType,
                String templateId,
                String codePath,
                Iterable<Code> codes,
                String valueSet,
                String datePath,
                String dateLowPath,
                String dateHighPath,
                Interval dateRange) {
            if (current == null) {
                throw new IllegalStateException("A retrieve outside an evaluation");
            }
            return current.retrieve(
                    context,
                    contextPath,
                    contextValue,
                    dataType,
                    templateId,
                    codePath,
                    codes,
                    valueSet,
                    datePath,
                    dateLowPath,
                    dateHighPath,
                    dateRange);
        }
    }
}
