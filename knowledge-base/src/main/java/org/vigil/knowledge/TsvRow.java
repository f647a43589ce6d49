package org.vigil.knowledge;

import java.math.BigDecimal;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** One data line of a table, with helpers that fail with the file and line. */
public final class TsvRow {

    private final String file;
    private final int line;
    private final Map<String, Integer> columns;
    private final String[] fields;

    TsvRow(String file, int line, Map<String, Integer> columns, String[] fields) {
        this.file = file;
        this.line = line;
        this.columns = columns;
        this.fields = fields;
    }

    public int line() {
        return line;
    }

    public KnowledgeLoadException error(String message) {
        return new KnowledgeLoadException(file, line, message);
    }

    /** The trimmed field, or null when the column is absent from this table or blank. */
    public String optional(String column) {
        Integer index = columns.get(column);
        if (index == null) {
            return null;
        }
        String value = fields[index].strip();
        return value.isEmpty() ? null : value;
    }

    public String required(String column) {
        String value = optional(column);
        if (value == null) {
            throw error("column '" + column + "' is blank");
        }
        return value;
    }

    public int rxcui(String column) {
        return parseRxcui(required(column), column);
    }

    public int parseRxcui(String value, String column) {
        try {
            int rxcui = Integer.parseInt(value);
            if (rxcui > 0) {
                return rxcui;
            }
        } catch (NumberFormatException e) {
            // reported below with the row's position
        }
        throw error("column '" + column + "' is not a positive RxCUI: '" + value + "'");
    }

    public Citation citation() {
        String text = optional("source");
        if (text == null) {
            throw error("missing source: every row must cite where its fact comes from");
        }
        String url = optional("source_url");
        if (url != null && !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw error("source_url is not an http(s) URL: '" + url + "'");
        }
        return new Citation(text, url);
    }

    public String file() {
        return file;
    }

    /** A decimal number (e.g. a limit or a conversion factor); plain notation, no units. */
    public BigDecimal decimal(String column) {
        return parseDecimal(required(column), column);
    }

    /** A decimal number, or null when blank. */
    public BigDecimal optionalDecimal(String column) {
        String value = optional(column);
        return value == null ? null : parseDecimal(value, column);
    }

    private BigDecimal parseDecimal(String value, String column) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw error("column '" + column + "' is not a number: '" + value + "'");
        }
    }

    /** {@code true} or {@code false}, nothing else. */
    public boolean bool(String column) {
        String value = required(column);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error("column '" + column + "' must be true or false, not '" + value + "'");
        };
    }

    /**
     * A value from a closed list, matched case-insensitively with '-' and ' ' read as '_'; the
     * error lists what is allowed.
     */
    public <E extends Enum<E>> E enumValue(String column, Class<E> type) {
        String value = required(column);
        String key = value.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(key)) {
                return constant;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : "|")
                    .append(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw error("column '" + column + "' must be one of " + allowed + ", not '" + value + "'");
    }

    /** Looks a reference up, failing with the row's position when it does not resolve. */
    public <T> T resolve(String column, Function<String, Optional<T>> lookup, String what) {
        String value = required(column);
        return lookup.apply(value)
                .orElseThrow(() -> error("column '" + column + "' refers to unknown " + what + " '" + value + "'"));
    }

    /** An ISO-8601 date-based period ({@code P7D}, {@code P4W}, {@code P2M}), positive; null when blank. */
    public Period optionalPeriod(String column) {
        String value = optional(column);
        if (value == null) {
            return null;
        }
        Period period;
        try {
            period = Period.parse(value);
        } catch (DateTimeParseException e) {
            throw error("column '" + column + "' is not an ISO-8601 period such as P7D: '" + value + "'");
        }
        if (period.isNegative() || period.isZero()) {
            throw error("column '" + column + "' must be a positive period, not '" + value + "'");
        }
        return period;
    }
}
