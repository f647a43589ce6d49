package org.vigil.cql;

import java.lang.reflect.Field;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.Set;
import org.opencds.cqf.cql.engine.execution.CqlEngine;
import org.opencds.cqf.cql.engine.execution.Environment;
import org.opencds.cqf.cql.engine.execution.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An engine state that does not record which resources each expression read.
 *
 * <p>The CQL engine (3.29) keeps, for every expression definition it evaluates, a hash set of the
 * resources its retrieves returned, and merges each set into the caller's when the definition
 * returns, so that a result can say which resources it was computed from ("evaluated resources", used
 * for measure reports). Vigil reads only the values, and over a chart of hundreds of resources that
 * bookkeeping is about a quarter of an evaluation. This state keeps the depth of that stack (so the
 * engine's own consistency checks still hold) but no resources: every result's evaluated resources
 * are empty. Nothing else in the engine reads them, so the values are unchanged.
 *
 * <p>The engine builds its state itself and offers no way to supply one, so {@link #install} swaps it
 * in by reflection; if a later engine version renames the field, the engine keeps its own state and
 * evaluation is only slower.
 */
final class ValuesOnlyState extends State {

    private static final Logger log = LoggerFactory.getLogger(ValuesOnlyState.class);
    private static final Field ENGINE_STATE = engineStateField();

    private int depth;

    private ValuesOnlyState(Environment environment, Set<CqlEngine.Options> engineOptions) {
        super(environment, engineOptions);
    }

    /**
     * Gives a new, not yet used engine this state; false (the engine unchanged) when it cannot. The
     * engine must have been built with the same environment and options, expression caching on.
     */
    static boolean install(CqlEngine engine, Environment environment, Set<CqlEngine.Options> engineOptions) {
        if (ENGINE_STATE == null) {
            return false;
        }
        ValuesOnlyState state = new ValuesOnlyState(environment, engineOptions);
        state.getCache().setExpressionCaching(engine.getCache().isExpressionCachingEnabled());
        try {
            ENGINE_STATE.set(engine, state);
            return true;
        } catch (IllegalAccessException | RuntimeException e) {
            log.warn("Cannot give the CQL engine a values-only state: {}", e.toString());
            return false;
        }
    }

    @Override
    public Set<Object> getEvaluatedResources() {
        if (depth == 0) {
            throw new IllegalStateException("Attempted to get the evaluatedResource stack when it's empty");
        }
        return NotRecorded.SET;
    }

    @Override
    public void clearEvaluatedResources() {
        depth = 1;
    }

    @Override
    public void pushEvaluatedResourceStack() {
        depth++;
    }

    @Override
    public void popEvaluatedResourceStack() {
        if (depth == 0) {
            throw new IllegalStateException("Attempted to pop the evaluatedResource stack when it's empty");
        }
        if (depth == 1) {
            throw new IllegalStateException("Attempted to pop the evaluatedResource stack when only the root remains");
        }
        depth--;
    }

    private static Field engineStateField() {
        try {
            Field field = CqlEngine.class.getDeclaredField("state");
            if (field.getType() != State.class) {
                return null;
            }
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException | RuntimeException e) {
            log.warn("The CQL engine's state is not where expected: {}", e.toString());
            return null;
        }
    }

    /** An always-empty set that ignores what is added to it. */
    private static final class NotRecorded extends AbstractSet<Object> {

        static final NotRecorded SET = new NotRecorded();

        @Override
        public boolean add(Object o) {
            return false;
        }

        @Override
        public boolean addAll(Collection<?> c) {
            return false;
        }

        @Override
        public Iterator<Object> iterator() {
            return Collections.emptyIterator();
        }

        @Override
        public int size() {
            return 0;
        }
    }
}
