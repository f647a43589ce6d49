package org.vigil.testcases;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.vigil.cdshooks.codec.CdsHooksCodec;
import org.vigil.service.VigilApplication;

/**
 * Replays every case under {@code cases/} through Vigil's HTTP API, exactly as an EHR would call
 * it, and compares the cards with the case's expected outcome. Prints a per-check summary.
 */
@SpringBootTest(classes = VigilApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReplayCasesTest {

    private static final Logger log = LoggerFactory.getLogger(ReplayCasesTest.class);
    private static final Path CASES = Path.of("cases");
    private static final List<CaseVerdict> verdicts = new ArrayList<>();

    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) throws Exception {
        Path dataDirectory = Files.createTempDirectory(Path.of("target"), "pgdata-replay-");
        registry.add("vigil.embedded-database.data-directory", dataDirectory::toString);
        // Cases carry result dates and birth dates; they are judged as of the day they were written,
        // so a lookback window does not expire them as the calendar moves on.
        registry.add("vigil.clock.fixed", () -> CaseLibrary.AS_OF.toString());
        // The demo patients share ids with cases (demo-ddi-1, ...): a case is judged on what it sends.
        registry.add("vigil.demo-data.enabled", () -> "false");
    }

    @LocalServerPort
    int port;

    private final CdsHooksCodec codec = new CdsHooksCodec(FhirContext.forR4Cached());

    @Test
    void theLibraryHoldsEnoughCasesIncludingOnesThatMustNotAlert() {
        List<TestCase> cases = CaseLibrary.load(CASES);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(12);
        assertThat(cases.stream().filter(c -> c.expected().mustNotAlert())).hasSizeGreaterThanOrEqualTo(3);
    }

    @TestFactory
    Stream<DynamicTest> everyCaseGetsExactlyTheCardsItExpects() {
        WebTestClient client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                // the first call warms the rules and HAPI; a slow shared machine must not flake
                .responseTimeout(java.time.Duration.ofSeconds(30))
                .build();
        return CaseLibrary.load(CASES).stream()
                .map(testCase -> DynamicTest.dynamicTest(testCase.name(), () -> {
                    EntityExchangeResult<byte[]> result = client.post()
                            .uri("/cds-services/{id}", testCase.expected().service())
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(testCase.request())
                            .exchange()
                            .expectBody()
                            .returnResult();
                    CaseVerdict verdict = CaseVerdict.judge(
                            testCase, result.getStatus().value(), result.getResponseBodyContent(), codec);
                    synchronized (verdicts) {
                        verdicts.add(verdict);
                    }
                    assertThat(verdict.problems())
                            .as("%s: %s", testCase.name(), testCase.expected().description())
                            .isEmpty();
                }));
    }

    /**
     * The qSOFA flag is written twice, as a Drools rule (RSK-001) and in Vigil's CQL pack; on every
     * patient-view chart of the library both must say the same.
     */
    @TestFactory
    Stream<DynamicTest> theCqlPackAndTheDroolsRuleAgreeOnQsofaForEveryChart() {
        WebTestClient client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(30))
                .build();
        java.util.concurrent.atomic.AtomicInteger bothRaised = new java.util.concurrent.atomic.AtomicInteger();
        Stream<DynamicTest> charts = CaseLibrary.load(CASES).stream()
                .filter(QsofaAgreement::applies)
                .map(testCase -> DynamicTest.dynamicTest(testCase.name(), () -> {
                    boolean drools = QsofaAgreement.raised(
                            post(client, QsofaAgreement.DROOLS_SERVICE, testCase), QsofaAgreement.DROOLS_RULE);
                    boolean cql = QsofaAgreement.raised(
                            post(client, QsofaAgreement.CQL_SERVICE, testCase), "pack:" + QsofaAgreement.CQL_SERVICE);
                    assertThat(cql)
                            .as("%s: Drools RSK-001 %s, CQL pack %s", testCase.name(), drools, cql)
                            .isEqualTo(drools);
                    bothRaised.addAndGet(drools && cql ? 1 : 0);
                }));
        // Agreement on quiet charts alone would prove nothing: septic charts must be among them.
        DynamicTest septicChartsIncluded = DynamicTest.dynamicTest(
                "septic charts raise qSOFA in both",
                () -> assertThat(bothRaised.get()).isGreaterThanOrEqualTo(3));
        return Stream.concat(charts, Stream.of(septicChartsIncluded));
    }

    /**
     * NEWS2 is written twice too, as the Drools rule RSK-002 and as the CQL pack service vigil-news2:
     * on every patient-view chart of the library, and on a spread of charts built for it (normal, each
     * parameter's red band, aggregates 5, 6 and 7, missing and old data), both give the same card with
     * the same indicator, and on the built charts the one each was built to give.
     */
    @TestFactory
    Stream<DynamicTest> theCqlPackAndTheDroolsRuleAgreeOnNews2ForEveryChart() {
        WebTestClient client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(30))
                .build();
        Stream<DynamicTest> library = CaseLibrary.load(CASES).stream()
                .filter(QsofaAgreement::applies)
                .map(testCase -> DynamicTest.dynamicTest(testCase.name(), () -> {
                    String[] both = news2Both(client, testCase.request());
                    assertThat(both[1])
                            .as("%s: Drools RSK-002 %s, CQL pack %s", testCase.name(), both[0], both[1])
                            .isEqualTo(both[0]);
                }));
        Stream<DynamicTest> built = News2Charts.all().stream()
                .map(chart -> DynamicTest.dynamicTest(chart.name(), () -> {
                    String[] both =
                            news2Both(client, chart.request().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    String expected = chart.expected() == News2Charts.Expected.NONE
                            ? null
                            : chart.expected().name().toLowerCase(java.util.Locale.ROOT);
                    assertThat(both[0]).as("%s: Drools RSK-002", chart.name()).isEqualTo(expected);
                    assertThat(both[1])
                            .as("%s: CQL pack vigil-news2", chart.name())
                            .isEqualTo(expected);
                }));
        return Stream.concat(library, built);
    }

    /** The indicator of the NEWS2 card from the Drools service and from the CQL pack (null: no card). */
    private static String[] news2Both(WebTestClient client, byte[] request) throws java.io.IOException {
        String drools = QsofaAgreement.indicator(
                postRaw(client, QsofaAgreement.DROOLS_SERVICE, QsofaAgreement.requestFor(request, false)),
                News2Agreement.DROOLS_RULE);
        String cql = QsofaAgreement.indicator(
                postRaw(client, News2Agreement.CQL_SERVICE, QsofaAgreement.requestFor(request, true)),
                "pack:" + News2Agreement.CQL_SERVICE);
        return new String[] {drools, cql};
    }

    private static byte[] postRaw(WebTestClient client, String service, byte[] body) {
        return client.post()
                .uri("/cds-services/{id}", service)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBodyContent();
    }

    private static byte[] post(WebTestClient client, String service, TestCase testCase) throws java.io.IOException {
        return client.post()
                .uri("/cds-services/{id}", service)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(QsofaAgreement.requestFor(testCase, service))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBodyContent();
    }

    /** Per check: cases passed, expected alerts detected, and quiet cases that stayed quiet. */
    @AfterAll
    static void summary() {
        Map<String, int[]> byCheck = new TreeMap<>();
        int interruptedQuietCases = 0;
        for (CaseVerdict verdict : verdicts) {
            int[] counts = byCheck.computeIfAbsent(verdict.testCase().check(), check -> new int[6]);
            counts[0] += verdict.passed() ? 1 : 0;
            counts[1]++;
            counts[2] += verdict.detected();
            counts[3] += verdict.testCase().expected().cards().size();
            if (verdict.testCase().expected().mustNotAlert()) {
                counts[5]++;
                counts[4] += verdict.actual().isEmpty() ? 1 : 0;
            }
            interruptedQuietCases += verdict.interruptedWhenItMustNot() ? 1 : 0;
        }
        StringBuilder table = new StringBuilder(
                "\nReplay summary\n  check          passed/cases   detected/expected alerts   quiet/must-not-alert\n");
        byCheck.forEach((check, c) -> table.append(
                String.format("  %-14s %6d/%-6d %14d/%-12d %10d/%d%n", check, c[0], c[1], c[2], c[3], c[4], c[5])));
        table.append("  interruptive cards on must-not-alert cases: ").append(interruptedQuietCases);
        log.info(table.toString());
    }
}
