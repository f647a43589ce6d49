package org.vigil.knowledge;

import java.util.Map;

/** One data line of a table, with helpers that fail with the file and line. */
final class TsvRow {

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

    int line() {
        return line;
    }

    KnowledgeLoadException error(String message) {
        return new KnowledgeLoadException(file, line, message);
    }

    /** The trimmed field, or null when the column is absent from this table or blank. */
    String optional(String column) {
        Integer index = columns.get(column);
        if (index == null) {
            return null;
        }
        String value = fields[index].strip();
        return value.isEmpty() ? null : value;
    }

    String required(String column) {
        String value = optional(column);
        if (value == null) {
            throw error("column '" + column + "' is blank");
        }
        return value;
    }

    int rxcui(String column) {
        return parseRxcui(required(column), column);
    }

    int parseRxcui(String value, String column) {
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

    Citation citation() {
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
}
