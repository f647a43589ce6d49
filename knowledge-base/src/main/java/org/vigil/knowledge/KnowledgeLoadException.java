package org.vigil.knowledge;

/**
 * A knowledge table could not be loaded. The message starts with {@code file:line:} (or
 * {@code file:} when no line applies) so an author can go straight to the offending row.
 */
public final class KnowledgeLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    public KnowledgeLoadException(String file, int line, String message) {
        this(file, line, message, null);
    }

    public KnowledgeLoadException(String file, int line, String message, Throwable cause) {
        super((line > 0 ? file + ":" + line : file) + ": " + message, cause);
        this.file = file;
        this.line = line;
    }

    /** The table file name, e.g. {@code interactions.tsv}. */
    public String file() {
        return file;
    }

    /** The 1-based line number, or 0 when the problem is not tied to a line. */
    public int line() {
        return line;
    }
}
