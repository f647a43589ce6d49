package org.vigil.service.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.service.store.FhirStore;
import org.vigil.service.store.StoredResource;
import org.vigil.service.support.VigilServerTest;

/**
 * Importing Synthea output (a patient's transaction Bundle, the practitioner and hospital Bundles
 * with their conditional creates, trimmed from a Synthea 3.3.0 run), an NDJSON file and broken
 * files into the record store, then importing the same folder again.
 */
class BulkImportIT extends VigilServerTest {

    private static final String LAVERN = "7353e17f-0cd5-5b0a-c736-92b9ca5f8366";

    @Autowired
    private BulkImport bulkImport;

    @Autowired
    private FhirStore store;

    @TempDir
    Path folder;

    @Test
    void importsSyntheaBundlesOnceAndReportsBadFilesWithoutStopping() throws Exception {
        copy("patient-lavern.json");
        copy("practitionerInformation-sample.json");
        copy("hospitalInformation-sample.json");
        Files.writeString(
                folder.resolve("broken.json"), "{\"resourceType\": \"Bundle\", \"entry\": [", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("notes.json"), "{\"hello\": \"world\"}", StandardCharsets.UTF_8);
        Files.writeString(
                folder.resolve("results.ndjson"),
                "{\"resourceType\":\"Observation\",\"id\":\"nd-k-1\",\"status\":\"final\","
                        + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"2823-3\"}]},"
                        + "\"subject\":{\"reference\":\"Patient/" + LAVERN + "\"},"
                        + "\"effectiveDateTime\":\"2024-05-01T08:00:00Z\",\"valueQuantity\":{\"value\":6.1,\"unit\":\"mmol/L\"}}\n"
                        + "\n"
                        + "{\"resourceType\":\"Claim\",\"id\":\"nd-claim-1\",\"status\":\"active\"}\n",
                StandardCharsets.UTF_8);
        List<String> progress = new ArrayList<>();

        ImportSummary first = run(progress);

        assertThat(first.files()).isEqualTo(6);
        assertThat(first.storedByType())
                .containsEntry("Patient", 1L)
                .containsEntry("Observation", 12L)
                .containsEntry("Condition", 9L)
                .containsEntry("Encounter", 4L)
                .containsEntry("Practitioner", 3L);
        assertThat(first.unsupportedByType())
                .containsEntry("Claim", 5L)
                .containsEntry("ExplanationOfBenefit", 4L)
                .containsEntry("Organization", 3L)
                .containsEntry("PractitionerRole", 3L);
        assertThat(first.errors())
                .extracting(ImportTally.FileError::file)
                .containsExactlyInAnyOrder("broken.json", "notes.json");
        assertThat(first.alreadyPresent()).isZero();
        assertThat(progress).last().asString().contains("6/6 files");

        // the patient under the id of its fullUrl, its results found by patient: urn:uuid resolved
        StoredResource patient = store.read("Patient", LAVERN).block();
        assertThat(patient.json()).contains("Treutel973");
        assertThat(store.search(org.vigil.service.store.SearchQuery.parse(
                                store.types().require("Observation"), java.util.Map.of("patient", List.of(LAVERN))))
                        .block()
                        .total())
                .isEqualTo(12);

        // Again, with the practitioners under new fullUrls: nothing is stored twice, the
        // practitioners are matched by their NPI identifier, the bad files are reported again
        rewriteFullUrls(folder.resolve("practitionerInformation-sample.json"));
        ImportSummary second = run(null);

        assertThat(second.stored()).isZero();
        assertThat(second.alreadyPresent()).isEqualTo(first.stored());
        assertThat(second.errors()).hasSize(2);
        assertThat(store.history("Patient", LAVERN).block()).hasSize(1);
    }

    private ImportSummary run(List<String> progress) throws IOException {
        return bulkImport
                .run(BulkImport.inputs(folder), Duration.ofSeconds(60), progress == null ? null : progress::add)
                .block(Duration.ofMinutes(2));
    }

    private void copy(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/bulk-import/synthea/" + name)) {
            Files.copy(in, folder.resolve(name));
        }
    }

    private static void rewriteFullUrls(Path file) throws IOException {
        String json = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, json.replace("urn:uuid:", "urn:uuid:0"), StandardCharsets.UTF_8);
    }
}
