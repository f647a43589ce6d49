package org.vigil.testcases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads a folder of cases laid out as {@code <check>/<scenario>/request.json + expected.json}. */
public final class CaseLibrary {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The instant every case is judged as of: the cases' result dates, birth dates and lookback
     * windows were written relative to this day. A case written later states its dates relative to
     * it too.
     */
    public static final java.time.Instant AS_OF = java.time.Instant.parse("2026-11-22T12:00:00Z");

    private CaseLibrary() {}

    public static List<TestCase> load(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("No case folder at " + root.toAbsolutePath());
        }
        List<TestCase> cases = new ArrayList<>();
        try (Stream<Path> checks = Files.list(root)) {
            for (Path check : checks.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> scenarios = Files.list(check)) {
                    for (Path scenario :
                            scenarios.filter(Files::isDirectory).sorted().toList()) {
                        cases.add(read(check.getFileName().toString(), scenario));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read cases under " + root, e);
        }
        return cases;
    }

    static TestCase read(String check, Path folder) throws IOException {
        Path request = folder.resolve("request.json");
        Path expected = folder.resolve("expected.json");
        if (!Files.isRegularFile(request) || !Files.isRegularFile(expected)) {
            throw new IllegalArgumentException(folder + " needs both request.json and expected.json");
        }
        return new TestCase(
                check,
                folder.getFileName().toString(),
                folder,
                Files.readAllBytes(request),
                expectation(JSON.readTree(expected.toFile()), expected));
    }

    private static Expectation expectation(JsonNode node, Path file) {
        String service = text(node, "service", file);
        int status = node.path("status").asInt(200);
        List<ExpectedCard> cards = new ArrayList<>();
        List<ExpectedAction> creates = new ArrayList<>();
        for (JsonNode card : node.path("cards")) {
            String ruleId = text(card, "ruleId", file);
            cards.add(new ExpectedCard(ruleId, text(card, "indicator", file)));
            JsonNode created = card.get("creates");
            if (created != null) {
                creates.add(new ExpectedAction(
                        ruleId,
                        text(created, "resourceType", file),
                        text(created, "system", file),
                        text(created, "code", file)));
            }
        }
        return new Expectation(node.path("description").asText(""), service, status, cards, creates);
    }

    private static String text(JsonNode node, String field, Path file) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(file + ": '" + field + "' is required");
        }
        return value.asText();
    }
}
