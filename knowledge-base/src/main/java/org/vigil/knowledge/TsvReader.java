package org.vigil.knowledge;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams the rows of one tab-separated table. Rows are handed over one at a time so that a table
 * of a million rows is never held as parsed text all at once.
 */
public final class TsvReader {

    private TsvReader() {}

    /**
     * Reads {@code bytes} as strict UTF-8: comment ({@code #}) and blank lines are skipped, the
     * first other line is the header and must name every required column; each data row must have
     * as many fields as the header.
     */
    public static void read(String file, byte[] bytes, List<String> requiredColumns, Consumer<TsvRow> sink) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Map<String, Integer> columns = null;
        int lineNumber = 0;
        int start = 0;
        // Lines are cut on the byte '\n' (never part of a multi-byte UTF-8 sequence) and decoded one
        // by one, so an encoding error is reported on its own line.
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            lineNumber++;
            String line = decode(file, lineNumber, utf8, bytes, start, end);
            start = end + 1;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = split(line);
            if (columns == null) {
                columns = header(file, lineNumber, fields, requiredColumns);
            } else if (fields.length != columns.size()) {
                throw new KnowledgeLoadException(
                        file,
                        lineNumber,
                        "expected " + columns.size() + " tab-separated columns but found " + fields.length);
            } else {
                sink.accept(new TsvRow(file, lineNumber, columns, fields));
            }
        }
        if (columns == null) {
            throw new KnowledgeLoadException(file, 0, "no header line");
        }
    }

    private static String decode(String file, int lineNumber, CharsetDecoder utf8, byte[] bytes, int start, int end) {
        int length = end - start;
        if (length > 0 && bytes[end - 1] == '\r') {
            length--;
        }
        try {
            return utf8.reset().decode(ByteBuffer.wrap(bytes, start, length)).toString();
        } catch (CharacterCodingException e) {
            throw new KnowledgeLoadException(file, lineNumber, "not valid UTF-8", e);
        }
    }

    private static Map<String, Integer> header(String file, int line, String[] names, List<String> required) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            String name = names[i].strip();
            if (columns.put(name, i) != null) {
                throw new KnowledgeLoadException(file, line, "duplicate column '" + name + "' in header");
            }
        }
        for (String column : required) {
            if (!columns.containsKey(column)) {
                throw new KnowledgeLoadException(file, line, "header lacks column '" + column + "'");
            }
        }
        return Map.copyOf(columns);
    }

    /** Splits on every tab, keeping empty fields (String.split would drop trailing ones). */
    private static String[] split(String line) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        for (int tab = line.indexOf('\t'); tab >= 0; tab = line.indexOf('\t', start)) {
            fields.add(line.substring(start, tab));
            start = tab + 1;
        }
        fields.add(line.substring(start));
        return fields.toArray(new String[0]);
    }
}
