package org.vigil.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Supplies the raw bytes of the knowledge tables by file name. Parsing never knows where the bytes
 * came from, so the bundled classpath tables, a directory, or a version fetched from a shared store
 * all load the same way.
 */
public interface KnowledgeSource {

    /**
     * Reads the named tables, in that order (the order a version hash folds them in); a table
     * that is missing or unreadable fails naming it.
     */
    default Map<String, byte[]> readAll(List<String> tables) {
        Map<String, byte[]> read = new LinkedHashMap<>();
        for (String table : tables) {
            Optional<byte[]> bytes;
            try {
                bytes = read(table);
            } catch (IOException e) {
                throw new KnowledgeLoadException(table, 0, "cannot read from " + describe() + ": " + e.getMessage(), e);
            }
            read.put(
                    table,
                    bytes.orElseThrow(() -> new KnowledgeLoadException(table, 0, "table missing from " + describe())));
        }
        return read;
    }

    /** The bytes of one table ("ingredients.tsv"), or empty when this source does not have it. */
    Optional<byte[]> read(String table) throws IOException;

    /** Where the tables come from, for log and error messages. */
    String describe();

    /** The tables bundled in this jar, under {@code org/vigil/knowledge/}. */
    static KnowledgeSource classpath() {
        return new KnowledgeSource() {
            @Override
            public Optional<byte[]> read(String table) throws IOException {
                try (InputStream in = KnowledgeSource.class.getResourceAsStream(table)) {
                    return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
                }
            }

            @Override
            public String describe() {
                return "classpath:org/vigil/knowledge";
            }
        };
    }

    /** Tables as files in one directory. */
    static KnowledgeSource directory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        return new KnowledgeSource() {
            @Override
            public Optional<byte[]> read(String table) throws IOException {
                try {
                    return Optional.of(Files.readAllBytes(directory.resolve(table)));
                } catch (NoSuchFileException e) {
                    return Optional.empty();
                }
            }

            @Override
            public String describe() {
                return directory.toString();
            }
        };
    }

    /** Tables held in memory, e.g. a published version received from another instance. */
    static KnowledgeSource ofBytes(Map<String, byte[]> tables) {
        Map<String, byte[]> copy = new HashMap<>();
        tables.forEach((name, bytes) -> copy.put(name, bytes.clone()));
        return new KnowledgeSource() {
            @Override
            public Optional<byte[]> read(String table) {
                byte[] bytes = copy.get(table);
                return bytes == null ? Optional.empty() : Optional.of(bytes.clone());
            }

            @Override
            public String describe() {
                return "memory";
            }
        };
    }

    /** Tables given as text, encoded as UTF-8. */
    static KnowledgeSource ofText(Map<String, String> tables) {
        Map<String, byte[]> bytes = new HashMap<>();
        tables.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return ofBytes(bytes);
    }
}
