package org.vigil.service.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencds.cqf.cql.engine.fhir.model.R4FhirModelResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.cdshooks.codec.CdsHooksCodec;
import org.vigil.cdshooks.hook.Hooks;
import org.vigil.cdshooks.request.CdsRequest;
import org.vigil.cdshooks.response.Card;
import org.vigil.cdshooks.response.Indicator;
import org.vigil.cql.CqlError;
import org.vigil.service.cards.CardFactory;

class RulePackLoaderTest {

    private static final Logger log = LoggerFactory.getLogger(RulePackLoaderTest.class);
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final RulePackLoader LOADER = new RulePackLoader(FHIR, new R4FhirModelResolver());
    private static final RulePacks SHIPPED;
    private static final long SHIPPED_LOAD_MS;

    static {
        long start = System.nanoTime();
        SHIPPED = RulePacks.load(LOADER, RulePacks.SHIPPED, List.of(), Set.of());
        SHIPPED_LOAD_MS = (System.nanoTime() - start) / 1_000_000;
    }

    private static final String GOOD_CQL = """
            library Tiny version '1.0.0'

            using FHIR version '4.0.1'

            include FHIRHelpers version '4.0.1' called FHIRHelpers

            codesystem "SNOMED": 'http://snomed.info/sct'
            code "Diabetes": '44054006' from "SNOMED"

            context Patient

            define "Has Diabetes": exists [Condition: "Diabetes"]

            define "Any Medication": exists [MedicationRequest]
            """;

    private static final String BROKEN_CQL = """
            library Broken version '1'

            using FHIR version '4.0.1'

            context Patient

            define "Rates": [Observation] O where O.nonsense > 3

            define "Count": Count("Ratez")
            """;

    @Test
    void theShippedPackServesQsofaOnPatientViewWithPrefetchFromItsRetrieves() {
        log.info(
                "Shipped pack loaded in {} ms (CQL translation {} ms)",
                SHIPPED_LOAD_MS,
                SHIPPED.packs().get(0).translationMillis());
        PackService service = SHIPPED.find("vigil-sepsis-qsofa").orElseThrow();
        assertThat(service.service().hook()).isEqualTo(Hooks.PATIENT_VIEW);
        assertThat(service.service().title()).contains("qSOFA");
        assertThat(service.pack()).isEqualTo("vigil-risk");
        assertThat(service.knowledgeVersion()).isEqualTo("vigil-risk 0.1.0");
        assertThat(service.prefetchKeys()).containsExactly("patient", "observation");
        assertThat(service.service().prefetch().get("patient").template()).isEqualTo("Patient/{{context.patientId}}");
        assertThat(service.service().prefetch().get("observation").template())
                .startsWith("Observation?patient={{context.patientId}}&code=")
                .contains(
                        "http://loinc.org|9279-1",
                        "http://loinc.org|8480-6",
                        "http://loinc.org|85354-9",
                        "http://loinc.org|9269-2");
        assertThat(service.service().requiredPrefetch()).containsExactly("patient", "observation");
        PackAction action = service.actions().get(0);
        assertThat(action.ruleId()).isEqualTo("pack:vigil-sepsis-qsofa/qsofa");
        assertThat(action.indicator()).isEqualTo(Indicator.WARNING);
        assertThat(action.sourceUrl()).isEqualTo("https://doi.org/10.1001/jama.2016.0287");
        assertThat(action.conditions()).containsExactly("qSOFA Positive");
        assertThat(action.detailExpression()).isEqualTo("qSOFA Detail");
    }

    @Test
    void theShippedLibraryCarriesExactlyTheCqlSourceBesideIt() throws IOException {
        Library library = (Library) FHIR.newJsonParser().parseResource(read("packs/vigil-risk/Library-VigilRisk.json"));
        assertThat(new String(library.getContentFirstRep().getData(), StandardCharsets.UTF_8))
                .isEqualTo(read("packs/vigil-risk/VigilRisk.cql"));
        PlanDefinition plan = (PlanDefinition)
                FHIR.newJsonParser().parseResource(read("packs/vigil-risk/PlanDefinition-vigil-sepsis-qsofa.json"));
        assertThat(plan.getRelatedArtifactFirstRep().getCitation()).contains("JAMA. 2016;315(8):801-810");
        assertThat(read("packs/vigil-risk/VigilRisk.cql")).contains("JAMA. 2016;315(8):801-810");
    }

    @Test
    void theShippedPackServesNews2OnPatientViewFromTheVitalSignsItReads() throws IOException {
        PackService service = SHIPPED.find("vigil-news2").orElseThrow();
        assertThat(service.service().hook()).isEqualTo(Hooks.PATIENT_VIEW);
        assertThat(service.pack()).isEqualTo("vigil-risk");
        assertThat(service.service().prefetch().get("observation").template())
                .startsWith("Observation?patient={{context.patientId}}&code=")
                .contains(
                        "http://loinc.org|9279-1",
                        "http://loinc.org|2708-6",
                        "http://loinc.org|59408-5",
                        "http://loinc.org|8480-6",
                        "http://loinc.org|85354-9",
                        "http://loinc.org|8867-4",
                        "http://loinc.org|8310-5",
                        "http://loinc.org|9269-2");
        PackAction action = service.actions().get(0);
        assertThat(action.ruleId()).isEqualTo("pack:vigil-news2/news2");
        assertThat(action.conditions()).containsExactly("NEWS2 Alert");
        assertThat(action.sourceUrl())
                .isEqualTo("https://www.rcplondon.ac.uk/projects/outputs/national-early-warning-score-news-2");

        Library library =
                (Library) FHIR.newJsonParser().parseResource(read("packs/vigil-risk/Library-VigilNews2.json"));
        assertThat(new String(library.getContentFirstRep().getData(), StandardCharsets.UTF_8))
                .isEqualTo(read("packs/vigil-risk/VigilNews2.cql"));
        assertThat(read("packs/vigil-risk/VigilNews2.cql"))
                .contains("Royal College of Physicians. National Early Warning Score (NEWS) 2");
    }

    @Test
    void anEmergencyNews2IsCriticalAndNamesTheParametersNotRecorded() {
        PackService service = SHIPPED.find("vigil-news2").orElseThrow();
        Instant now = Instant.parse("2026-11-22T12:00:00Z");
        ZonedDateTime at = now.atZone(ZoneOffset.UTC);
        // respiration rate 28 (3), systolic 88 (3), GCS 13 (3); pulse, SpO2 and temperature not recorded
        CdsRequest deteriorating = request(QsofaRequests.patientView("p1", now.minusSeconds(3600), 28, 88, 13));
        CdsRequest normal = request(QsofaRequests.patientView("p2", now.minusSeconds(3600), 16, 125, 15));

        List<PackFinding> found = RulePacks.evaluate(service, deteriorating, at);
        assertThat(RulePacks.evaluate(service, normal, at)).isEmpty();
        // the evaluation day and the day before count; three days later the readings are missing
        assertThat(RulePacks.evaluate(service, deteriorating, at.plusDays(3))).isEmpty();

        assertThat(found).hasSize(1);
        Card card = PackCards.card(service, found.get(0));
        assertThat(card.indicator()).isEqualTo(Indicator.CRITICAL);
        assertThat(card.summary()).isEqualTo("NEWS2 at least 9: emergency response");
        assertThat(card.detail())
                .contains("28/min on 2026-11-22", "88 mmHg", "GCS 13")
                .contains("no pulse recorded since 2026-11-21", "no temperature recorded")
                .contains("Supplemental oxygen")
                .contains("(up to 19)");
    }

    @Test
    void septicVitalsGiveTheQsofaCardWithTheValuesAndNormalVitalsNone() {
        PackService service = SHIPPED.find("vigil-sepsis-qsofa").orElseThrow();
        Instant now = Instant.parse("2026-11-22T12:00:00Z");
        ZonedDateTime at = now.atZone(ZoneOffset.UTC);
        CdsRequest septic = request(QsofaRequests.patientView("p1", now.minusSeconds(3600), 24, 95, 14));
        CdsRequest normal = request(QsofaRequests.patientView("p2", now.minusSeconds(3600), 16, 125, 15));

        List<PackFinding> found = RulePacks.evaluate(service, septic, at);
        assertThat(RulePacks.evaluate(service, normal, at)).isEmpty();
        // Readings older than the 24-hour lookback do not count.
        assertThat(RulePacks.evaluate(service, septic, at.plusDays(2))).isEmpty();

        assertThat(found).hasSize(1);
        Card card = PackCards.card(service, found.get(0));
        assertThat(card.summary()).contains("qSOFA").hasSizeLessThan(140);
        assertThat(card.indicator()).isEqualTo(Indicator.WARNING);
        assertThat(card.detail())
                .contains("qSOFA 3 of 3", "24/min", "95 mmHg", "14 (meets")
                .contains("pack:vigil-sepsis-qsofa/qsofa");
        assertThat(card.extension()).containsEntry(CardFactory.RULE_ID, "pack:vigil-sepsis-qsofa/qsofa");
        assertThat(card.links())
                .singleElement()
                .satisfies(link -> assertThat(link.url()).isEqualTo("https://doi.org/10.1001/jama.2016.0287"));
        assertThat(card.source().url()).isEqualTo("https://doi.org/10.1001/jama.2016.0287");

        int calls = 200;
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            RulePacks.evaluate(service, i % 2 == 0 ? septic : normal, at);
        }
        log.info(
                "qSOFA pack evaluation: {} µs per call (mean of {})",
                (System.nanoTime() - start) / 1000 / calls,
                calls);
    }

    @Test
    void aPackWithBrokenCqlIsRejectedWithEveryErrorAndItsLine(@TempDir Path dir) throws IOException {
        Path pack = writePack(dir.resolve("broken"), BROKEN_CQL, "http://x.invalid/Library/Broken", "Rates");
        assertThatThrownBy(() -> LOADER.load(pack))
                .isInstanceOf(RulePackException.class)
                .hasMessageContaining("Rule pack broken rejected")
                .hasMessageContaining("Broken line 7")
                .hasMessageContaining("Broken line 9")
                .asInstanceOf(type(RulePackException.class))
                .satisfies(e ->
                        assertThat(e.cqlErrors()).extracting(CqlError::line).containsExactly(7, 9));
    }

    @Test
    void aPlanDefinitionNamingAnUnknownExpressionOrLibraryIsRejected(@TempDir Path dir) throws IOException {
        Path unknownExpression = writePack(dir.resolve("a"), GOOD_CQL, "http://x.invalid/Library/Tiny", "Has Diabetez");
        assertThatThrownBy(() -> LOADER.load(unknownExpression))
                .isInstanceOf(RulePackException.class)
                .hasMessageContaining("names expression 'Has Diabetez'");
        Path unknownLibrary = writePack(dir.resolve("b"), GOOD_CQL, "http://x.invalid/Library/Other", "Has Diabetes");
        assertThatThrownBy(() -> LOADER.load(unknownLibrary))
                .isInstanceOf(RulePackException.class)
                .hasMessageContaining("names library http://x.invalid/Library/Other");
    }

    @Test
    void oneBrokenPackDoesNotStopAnother(@TempDir Path dir) throws IOException {
        Path broken = writePack(dir.resolve("broken"), BROKEN_CQL, "http://x.invalid/Library/Broken", "Rates");
        Path good = writePack(dir.resolve("tiny"), GOOD_CQL, "http://x.invalid/Library/Tiny", "Has Diabetes");

        RulePacks packs = RulePacks.load(LOADER, RulePacks.SHIPPED, List.of(broken, good), Set.of());

        assertThat(packs.services())
                .extracting(PackService::id)
                .containsExactly("vigil-news2", "vigil-sepsis-qsofa", "tiny-service");
        assertThat(packs.rejected())
                .singleElement()
                .satisfies(e -> assertThat(e.pack()).isEqualTo("broken"));
        PackService tiny = packs.find("tiny-service").orElseThrow();
        // the translator sorts definitions by name, so "Any Medication" comes first
        assertThat(tiny.prefetchKeys()).containsExactly("patient", "medicationRequest", "condition");
        assertThat(tiny.service().prefetch().get("condition").template())
                .isEqualTo("Condition?patient={{context.patientId}}&code=http://snomed.info/sct|44054006");
        assertThat(tiny.service().prefetch().get("medicationRequest").template())
                .isEqualTo("MedicationRequest?patient={{context.patientId}}");
        assertThat(tiny.actions().get(0).indicator()).isEqualTo(Indicator.CRITICAL);
    }

    @Test
    void priorityMapsToTheCardIndicator() {
        assertThat(RulePackLoader.indicator((PlanDefinition.RequestPriority) null))
                .isEqualTo(Indicator.INFO);
        assertThat(RulePackLoader.indicator(PlanDefinition.RequestPriority.ROUTINE))
                .isEqualTo(Indicator.INFO);
        assertThat(RulePackLoader.indicator(PlanDefinition.RequestPriority.URGENT))
                .isEqualTo(Indicator.WARNING);
        assertThat(RulePackLoader.indicator(PlanDefinition.RequestPriority.ASAP))
                .isEqualTo(Indicator.WARNING);
        assertThat(RulePackLoader.indicator(PlanDefinition.RequestPriority.STAT))
                .isEqualTo(Indicator.CRITICAL);
        assertThat(RulePackLoader.indicator("critical")).isEqualTo(Indicator.CRITICAL);
        assertThat(RulePackLoader.indicator("stat")).isEqualTo(Indicator.CRITICAL);
        assertThat(RulePackLoader.indicator("nonsense")).isNull();
    }

    @Test
    void aPlanDefinitionOnAnUnknownHookIsRejected(@TempDir Path dir) throws IOException {
        Path pack = writePack(dir.resolve("c"), GOOD_CQL, "http://x.invalid/Library/Tiny", "Has Diabetes");
        Path plan = pack.resolve("PlanDefinition.json");
        Files.writeString(plan, Files.readString(plan).replace("\"patient-view\"", "\"encounter-discharge\""));
        assertThatThrownBy(() -> LOADER.load(pack))
                .isInstanceOf(RulePackException.class)
                .hasMessageContaining("encounter-discharge, which is not a hook Vigil serves");
    }

    private static CdsRequest request(String json) {
        return new CdsHooksCodec(FHIR).decodeRequest(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Path writePack(Path dir, String cql, String libraryRef, String condition) throws IOException {
        Files.createDirectories(dir);
        String data = Base64.getEncoder().encodeToString(cql.getBytes(StandardCharsets.UTF_8));
        String name = cql.lines()
                .filter(l -> l.startsWith("library "))
                .findFirst()
                .orElseThrow()
                .split(" ")[1];
        Files.writeString(dir.resolve("Library.json"), """
                {"resourceType": "Library", "id": "%1$s", "url": "http://x.invalid/Library/%1$s", "status": "active",
                 "content": [{"contentType": "text/cql", "data": "%2$s"}]}
                """.formatted(name, data));
        Files.writeString(dir.resolve("PlanDefinition.json"), """
                {"resourceType": "PlanDefinition", "id": "%s-service", "title": "Test", "status": "active",
                 "library": ["%s"],
                 "action": [{"id": "a1", "title": "It applies", "priority": "stat",
                   "trigger": [{"type": "named-event", "name": "patient-view"}],
                   "condition": [{"kind": "applicability",
                     "expression": {"language": "text/cql.identifier", "expression": "%s"}}]}]}
                """.formatted(dir.getFileName(), libraryRef, condition));
        return dir;
    }

    private static String read(String classpath) throws IOException {
        try (InputStream in = RulePackLoaderTest.class.getClassLoader().getResourceAsStream(classpath)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
