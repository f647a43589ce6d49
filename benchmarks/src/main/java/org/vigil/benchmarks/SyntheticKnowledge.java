package org.vigil.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.knowledge.KnowledgeSource;

/**
 * The shipped tables plus a synthetic interaction load, for measuring how lookups behave as the
 * knowledge grows. Synthetic rows pair synthetic ingredients (RxCUIs from 90,000,000 up, which
 * RxNorm does not use) and say so in their source; they never leave the benchmark.
 */
final class SyntheticKnowledge {

    static final int FIRST_SYNTHETIC_RXCUI = 90_000_000;

    private SyntheticKnowledge() {}

    /** Tables with {@code rows} extra interaction rows among {@code ingredients} synthetic ingredients. */
    static Map<String, byte[]> tables(int rows, int ingredients, long seed) {
        Map<String, byte[]> tables = new LinkedHashMap<>();
        for (String table : KnowledgeSnapshot.TABLES) {
            tables.put(table, shipped(table));
        }
        StringBuilder extraIngredients = new StringBuilder(ingredients * 64);
        for (int i = 0; i < ingredients; i++) {
            int rxcui = FIRST_SYNTHETIC_RXCUI + i;
            extraIngredients
                    .append(rxcui)
                    .append("\tsynthetic ingredient ")
                    .append(i)
                    .append("\t\tsynthetic benchmark row\t\n");
        }
        tables.put("ingredients.tsv", append(tables.get("ingredients.tsv"), extraIngredients));
        StringBuilder extraRows = new StringBuilder(rows * 120);
        Set<Long> pairs = new HashSet<>(rows * 2);
        SplittableRandom random = new SplittableRandom(seed);
        int written = 0;
        while (written < rows) {
            int a = FIRST_SYNTHETIC_RXCUI + random.nextInt(ingredients);
            int b = FIRST_SYNTHETIC_RXCUI + random.nextInt(ingredients);
            if (a == b || !pairs.add(a < b ? ((long) a << 32) | b : ((long) b << 32) | a)) {
                continue;
            }
            written++;
            extraRows
                    .append("SYN-")
                    .append(written)
                    .append("\tsynthetic pair ")
                    .append(written)
                    .append('\t')
                    .append(a)
                    .append('\t')
                    .append(b)
                    .append("\tmoderate\tfalse\tsynthetic\tsynthetic\tsynthetic\tsynthetic benchmark row\t\n");
        }
        tables.put("interactions.tsv", append(tables.get("interactions.tsv"), extraRows));
        return tables;
    }

    static KnowledgeSnapshot snapshot(int rows, int ingredients, long seed) {
        return KnowledgeSnapshot.load(KnowledgeSource.ofBytes(tables(rows, ingredients, seed)));
    }

    private static byte[] shipped(String table) {
        try {
            return KnowledgeSource.classpath().read(table).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows go after the shipped ones; every table ends its header and rows with a newline. */
    private static byte[] append(byte[] table, CharSequence rows) {
        String text = new String(table, StandardCharsets.UTF_8);
        if (!text.endsWith("\n")) {
            text += "\n";
        }
        return (text + rows).getBytes(StandardCharsets.UTF_8);
    }
}
