package org.vigil.service.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.knowledge.KnowledgeLoadException;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.knowledge.KnowledgeSource;
import org.vigil.knowledge.Severity;
import org.vigil.service.support.TestRedis;

/** A knowledge version published by one instance reaches every instance through a real Redis. */
class KnowledgeDistributionIT {

    private static final int SIMVASTATIN = 36567;
    private static final int CLARITHROMYCIN = 21212;

    private KnowledgeHolder first;
    private KnowledgeHolder second;
    private KnowledgeDistribution instanceOne;
    private KnowledgeDistribution instanceTwo;

    @BeforeEach
    void twoInstancesOnTheBundledTables() {
        String url = TestRedis.url();
        first = new KnowledgeHolder(KnowledgeSnapshot.bundled());
        second = new KnowledgeHolder(KnowledgeSnapshot.bundled());
        // Start from the bundled version as the published one, whatever an earlier run left.
        instanceOne = KnowledgeDistribution.connect(url, first);
        instanceOne.publish(KnowledgeSource.classpath());
        instanceTwo = KnowledgeDistribution.connect(url, second);
        await(() -> first.current().version().equals(KnowledgeSnapshot.bundled().version()));
    }

    /** Also runs when there was no Redis and the test was aborted before connecting. */
    @AfterEach
    void close() {
        if (instanceOne != null) {
            instanceOne.close();
        }
        if (instanceTwo != null) {
            instanceTwo.close();
        }
    }

    @Test
    void aPublishedVersionReachesBothInstancesAndChangesWhatTheyAnswer() throws IOException {
        String version = instanceOne.publish(KnowledgeSource.ofBytes(bundledWith(
                "interactions.tsv",
                tsv -> tsv.replaceFirst("(DDI-011\t[^\t]*\t[^\t]*\t[^\t]*\t)contraindicated", "$1major"))));

        await(() -> first.current().version().equals(version)
                && second.current().version().equals(version));
        assertThat(version).isNotEqualTo(KnowledgeSnapshot.bundled().version());
        assertThat(second.current().interactions().between(SIMVASTATIN, CLARITHROMYCIN))
                .singleElement()
                .satisfies(interaction -> assertThat(interaction.severity()).isEqualTo(Severity.MAJOR));
    }

    @Test
    void anInstanceStartingLaterTakesTheVersionInForce() throws IOException {
        String version = instanceOne.publish(
                KnowledgeSource.ofBytes(bundledWith("interactions.tsv", tsv -> tsv + "# reviewed 2026-11-22\n")));
        await(() -> second.current().version().equals(version));

        KnowledgeHolder late = new KnowledgeHolder(KnowledgeSnapshot.bundled());
        try (KnowledgeDistribution third = KnowledgeDistribution.connect(TestRedis.url(), late)) {
            assertThat(late.current().version()).isEqualTo(version);
            assertThat(third.currentVersion()).contains(version);
        }
    }

    @Test
    void tablesThatDoNotLoadAreNeverPublished() throws IOException {
        String before = second.current().version();
        Map<String, byte[]> broken =
                bundledWith("interactions.tsv", tsv -> tsv.replace("\tcontraindicated\t", "\tsevere-ish\t"));

        assertThatThrownBy(() -> instanceOne.publish(KnowledgeSource.ofBytes(broken)))
                .isInstanceOf(KnowledgeLoadException.class)
                .hasMessageContaining("interactions.tsv")
                .hasMessageContaining("severity");
        assertThat(instanceOne.currentVersion()).contains(before);
        assertThat(second.current().version()).isEqualTo(before);
    }

    @Test
    void withoutRedisAnInstanceKeepsCheckingOnItsOwnTables() {
        KnowledgeHolder alone = new KnowledgeHolder(KnowledgeSnapshot.bundled());
        try (KnowledgeDistributionLink link =
                new KnowledgeDistributionLink("redis://127.0.0.1:1", alone, Duration.ofMinutes(5))) {
            sleep(500);
            assertThat(link.distribution()).isEmpty();
            assertThat(alone.current().interactions().between(SIMVASTATIN, CLARITHROMYCIN))
                    .isNotEmpty();
        }
    }

    private static Map<String, byte[]> bundledWith(String table, java.util.function.UnaryOperator<String> edit)
            throws IOException {
        Map<String, byte[]> tables = new LinkedHashMap<>();
        for (String name : KnowledgeSnapshot.TABLES) {
            byte[] bytes = KnowledgeSource.classpath().read(name).orElseThrow();
            if (name.equals(table)) {
                String edited = edit.apply(new String(bytes, StandardCharsets.UTF_8));
                assertThat(edited)
                        .as("the edit must change " + table)
                        .isNotEqualTo(new String(bytes, StandardCharsets.UTF_8));
                bytes = edited.getBytes(StandardCharsets.UTF_8);
            }
            tables.put(name, bytes);
        }
        return tables;
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the published version did not arrive within 10 s");
            }
            sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
