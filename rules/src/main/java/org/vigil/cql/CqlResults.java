package org.vigil.cql;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of the expressions one evaluation asked for, by expression name. CQL values arrive as
 * Java values: Boolean, Integer, Long, BigDecimal, String; lists as {@link List}; date-times,
 * quantities, codes and concepts as the engine's runtime types ({@code org.opencds.cqf.cql.engine.runtime});
 * FHIR elements as HAPI R4 objects. A CQL null is a Java null.
 */
public final class CqlResults {

    private final String library;
    private final Map<String, Object> values;

    CqlResults(String library, Map<String, Object> values) {
        this.library = library;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public String library() {
        return library;
    }

    /** Every requested expression, including those that evaluated to null. */
    public Map<String, Object> values() {
        return values;
    }

    public Object get(String expression) {
        if (!values.containsKey(expression)) {
            throw new IllegalArgumentException("Expression " + expression + " was not evaluated in " + library);
        }
        return values.get(expression);
    }

    public BigDecimal decimal(String expression) {
        return as(expression, BigDecimal.class);
    }

    public Integer integer(String expression) {
        return as(expression, Integer.class);
    }

    public Boolean bool(String expression) {
        return as(expression, Boolean.class);
    }

    public String string(String expression) {
        return as(expression, String.class);
    }

    public List<?> list(String expression) {
        return as(expression, List.class);
    }

    private <T> T as(String expression, Class<T> type) {
        Object value = get(expression);
        if (value == null) {
            return null;
        }
        if (!type.isInstance(value)) {
            throw new IllegalStateException("Expression " + expression + " in " + library + " is a "
                    + value.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        }
        return type.cast(value);
    }

    @Override
    public String toString() {
        return library + " " + values;
    }
}
