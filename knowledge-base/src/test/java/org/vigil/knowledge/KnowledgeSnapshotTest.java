package org.vigil.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeSnapshotTest {

    private static Map<String, byte[]> bundledBytes() throws IOException {
        Map<String, byte[]> tables = new HashMap<>();
        for (String table : KnowledgeSnapshot.TABLES) {
            tables.put(table, KnowledgeSource.classpath().read(table).orElseThrow());
        }
        return tables;
    }

    @Test
    void loadsTheBundledTablesOnce() {
        KnowledgeSnapshot snapshot = KnowledgeSnapshot.bundled();

        assertThat(snapshot).isSameAs(KnowledgeSnapshot.bundled());
        assertThat(snapshot.version()).matches("[0-9a-f]{12}");
        assertThat(snapshot.drugs().ingredients()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(snapshot.drugs().clinicalDrugs()).hasSizeGreaterThanOrEqualTo(100);
        assertThat(snapshot.interactions().byId("DDI-011")).isPresent();
        assertThat(snapshot.drugs().duplicateTherapy().rows()).isNotEmpty();
    }

    @Test
    void everyLoadedRowCitesANonBlankSource() {
        DrugVocabulary drugs = KnowledgeSnapshot.bundled().drugs();

        assertThat(drugs.ingredients())
                .allSatisfy(row -> assertThat(row.citation().text()).isNotBlank());
        assertThat(drugs.clinicalDrugs())
                .allSatisfy(row -> assertThat(row.citation().text()).isNotBlank());
        assertThat(drugs.classMembers())
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.citation().text()).isNotBlank());
        assertThat(KnowledgeSnapshot.bundled().interactions().rows())
                .allSatisfy(row -> assertThat(row.citation().text()).isNotBlank());
        assertThat(drugs.duplicateTherapy().rows())
                .allSatisfy(row -> assertThat(row.citation().text()).isNotBlank());
    }

    @Test
    void versionIsStableForTheSameContentWhereverItComesFrom(@TempDir Path directory) throws IOException {
        Map<String, byte[]> bytes = bundledBytes();
        for (var table : bytes.entrySet()) {
            Files.write(directory.resolve(table.getKey()), table.getValue());
        }
        String bundled = KnowledgeSnapshot.bundled().version();

        assertThat(KnowledgeSnapshot.load(KnowledgeSource.classpath()).version())
                .isEqualTo(bundled);
        assertThat(KnowledgeSnapshot.load(KnowledgeSource.ofBytes(bytes)).version())
                .isEqualTo(bundled);
        assertThat(KnowledgeSnapshot.load(KnowledgeSource.directory(directory)).version())
                .isEqualTo(bundled);
    }

    @Test
    void versionChangesWhenAnyTableChanges() {
        String original = TestTables.load(TestTables.valid()).version();

        for (String table : KnowledgeSnapshot.TABLES) {
            Map<String, String> edited = TestTables.valid();
            edited.put(table, "# reviewed\n" + edited.get(table));
            assertThat(TestTables.load(edited).version()).as(table).isNotEqualTo(original);
        }
        assertThat(TestTables.load(TestTables.valid()).version()).isEqualTo(original);
    }

    @Test
    void versionDependsOnWhichTableHoldsTheBytes() {
        Map<String, byte[]> tables = new HashMap<>();
        KnowledgeSnapshot.TABLES.forEach(table -> tables.put(table, new byte[0]));
        tables.put("ingredients.tsv", "ab".getBytes());
        tables.put("clinical-drugs.tsv", "c".getBytes());
        Map<String, byte[]> shifted = new HashMap<>(tables);
        shifted.put("ingredients.tsv", "a".getBytes());
        shifted.put("clinical-drugs.tsv", "bc".getBytes());

        assertThat(KnowledgeSnapshot.version(tables)).isNotEqualTo(KnowledgeSnapshot.version(shifted));
    }
}
