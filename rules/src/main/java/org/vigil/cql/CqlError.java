package org.vigil.cql;

/**
 * One error the CQL translator reported for a library, with the position it points at.
 *
 * @param library the library the error is in (name, or the name of an included library)
 * @param line 1-based line, or 0 when the translator gave no position
 * @param column 1-based column, or 0 when the translator gave no position
 * @param message the translator's message
 */
public record CqlError(String library, int line, int column, String message) {

    @Override
    public String toString() {
        return library + " line " + line + ", column " + column + ": " + message;
    }
}
