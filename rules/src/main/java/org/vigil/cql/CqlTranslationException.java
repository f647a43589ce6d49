package org.vigil.cql;

import java.util.List;
import java.util.stream.Collectors;

/** A CQL library did not translate; every error the translator reported is listed with its position. */
public final class CqlTranslationException extends RuntimeException {

    private final List<CqlError> errors;

    public CqlTranslationException(String library, List<CqlError> errors) {
        super(message(library, errors));
        this.errors = List.copyOf(errors);
    }

    public List<CqlError> errors() {
        return errors;
    }

    private static String message(String library, List<CqlError> errors) {
        return "CQL library " + library + " does not translate (" + errors.size() + " error"
                + (errors.size() == 1 ? "" : "s") + "):\n"
                + errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n"));
    }
}
