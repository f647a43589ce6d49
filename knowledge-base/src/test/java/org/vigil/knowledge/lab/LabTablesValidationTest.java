package org.vigil.knowledge.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.knowledge.KnowledgeLoadException;
import org.vigil.knowledge.KnowledgeSource;

/**
 * Every malformed row is refused at load with its file and line. The fixture rows are small on
 * purpose: they exercise validation, they are not knowledge.
 */
class LabTablesValidationTest {

    private static final String ANALYTE_HEADER =
            "loinc\tloinc_display\tanalyte\tanalyte_name\tkind\tcanonical_unit\tsource\tsource_url\n";
    private static final String UNIT_HEADER = "analyte\tunit\tcanonical_unit\tfactor\toffset\tsource\tsource_url\n";
    private static final String LIMIT_HEADER =
            "analyte\tpopulation\treference_low\treference_high\tcritical_low\tcritical_high\tsource\tsource_url\n";

    private static final String ANALYTES = "# fixture\n" + ANALYTE_HEADER
            + "2823-3\t\tpotassium\tPotassium\tlab\tmmol/L\ts\t\n"
            + "2345-7\t\tglucose\tGlucose\tlab\tmg/dL\ts\t\n"
            + "8310-5\t\tbody_temperature\tBody temperature\tvital\tCel\ts\t\n";
    private static final String UNITS =
            UNIT_HEADER + "glucose\tmmol/L\tmg/dL\t18.016\t\ts\t\n" + "*\t[degF]\tCel\t5/9\t-160/9\ts\t\n";
    private static final String LIMITS = LIMIT_HEADER + "potassium\tadult\t3.6\t4.8\t2.8\t6.2\ts\t\n";

    private static Map<String, String> valid() {
        Map<String, String> tables = new HashMap<>();
        tables.put(LabCatalog.ANALYTES, ANALYTES);
        tables.put(LabCatalog.UNITS, UNITS);
        tables.put(LabCatalog.LIMITS, LIMITS);
        return tables;
    }

    private static LabCatalog load(String file, String content) {
        Map<String, String> tables = valid();
        tables.put(file, content);
        return LabCatalog.load(KnowledgeSource.ofText(tables));
    }

    @Test
    void theFixtureItselfLoads() {
        LabCatalog catalog = LabCatalog.load(KnowledgeSource.ofText(valid()));

        Analyte temperature = catalog.analyteForLoinc("8310-5").orElseThrow();
        assertThat(catalog.toCanonical(temperature, 212, "[degF]").valueOrNaN()).isEqualTo(100.0);
        assertThat(catalog.limits("potassium").orElseThrow().classify(7)).isEqualTo(Interpretation.CRITICAL_HIGH);
    }

    static Stream<Arguments> invalidTables() {
        return Stream.of(
                Arguments.of(
                        LabCatalog.ANALYTES,
                        ANALYTES + "2823-3\t\tpotassium\tPotassium\tlab\tmmol/L\ts\t\n",
                        6,
                        "duplicate loinc 2823-3 (first at line 3)"),
                Arguments.of(
                        LabCatalog.ANALYTES,
                        ANALYTES + "2823-4\t\tpotassium\tPotassium\tlab\tmmol/L\ts\t\n",
                        6,
                        "wrong check digit (expected 3)"),
                Arguments.of(
                        LabCatalog.ANALYTES,
                        ANALYTES + "K-1\t\tpotassium\tPotassium\tlab\tmmol/L\ts\t\n",
                        6,
                        "is not a LOINC code"),
                Arguments.of(
                        LabCatalog.ANALYTES,
                        ANALYTES + "6298-4\t\tpotassium\tPotassium\tlab\tmEq/L\ts\t\n",
                        6,
                        "analyte 'potassium' is defined at line 3"),
                Arguments.of(
                        LabCatalog.ANALYTES,
                        ANALYTES + "6298-4\t\tpotassium\tPotassium\tbedside\tmmol/L\ts\t\n",
                        6,
                        "column 'kind' must be one of lab|vital"),
                Arguments.of(
                        LabCatalog.ANALYTES,
                        ANALYTES + "6298-4\t\tPotassium-Blood\tPotassium\tlab\tmmol/L\ts\t\n",
                        6,
                        "must be lower-case letters and digits"),
                Arguments.of(
                        LabCatalog.ANALYTES,
                        ANALYTES + "6298-4\t\tpotassium\tPotassium\tlab\tmmol/L\t\t\n",
                        6,
                        "missing source"),
                Arguments.of(
                        LabCatalog.UNITS,
                        UNITS + "sodium\tmEq/L\tmmol/L\t1\t\ts\t\n",
                        4,
                        "refers to unknown analyte 'sodium'"),
                Arguments.of(
                        LabCatalog.UNITS,
                        UNITS + "potassium\tmg/dL\tmg/dL\t0.2557\t\ts\t\n",
                        4,
                        "canonical_unit 'mg/dL' is not the canonical unit of potassium ('mmol/L'"),
                Arguments.of(
                        LabCatalog.UNITS,
                        UNITS + "*\tlb\tkg\t0.45359237\t\ts\t\n",
                        4,
                        "no analyte in lab-analytes.tsv has canonical unit 'kg'"),
                Arguments.of(
                        LabCatalog.UNITS,
                        UNITS + "glucose\tmmol/L\tmg/dL\t18\t\ts\t\n",
                        4,
                        "duplicate unit 'mmol/L' for glucose (first at line 2)"),
                Arguments.of(
                        LabCatalog.UNITS,
                        UNITS + "glucose\tmg/dL\tmg/dL\t1\t\ts\t\n",
                        4,
                        "is the canonical unit itself"),
                Arguments.of(
                        LabCatalog.UNITS,
                        UNITS + "potassium\tmEq/L\tmmol/L\t0\t\ts\t\n",
                        4,
                        "column 'factor' must be positive"),
                Arguments.of(
                        LabCatalog.UNITS,
                        UNITS + "potassium\tmEq/L\tmmol/L\tone\t\ts\t\n",
                        4,
                        "column 'factor' is not a number or a ratio a/b: 'one'"),
                Arguments.of(
                        LabCatalog.UNITS,
                        UNITS + "potassium\tmEq/L\tmmol/L\t1/0\t\ts\t\n",
                        4,
                        "column 'factor' divides by zero"),
                Arguments.of(LabCatalog.UNITS, UNITS + "potassium\tmEq/L\tmmol/L\t1\t\t\t\n", 4, "missing source"),
                Arguments.of(
                        LabCatalog.UNITS,
                        UNITS + "glucose\tMMOL/L\tmg/dL\t18\t\ts\t\n",
                        4,
                        "unit 'MMOL/L' differs only in case or micro sign from 'mmol/L' (line 2)"),
                Arguments.of(
                        LabCatalog.LIMITS,
                        LIMITS + "glucose\tadult\t\t\t46\t484\ts\t\nglucose\tadult\t70\t99\t\t\ts\t\n",
                        4,
                        "duplicate limits for glucose, adult (first at line 3)"),
                Arguments.of(
                        LabCatalog.LIMITS,
                        LIMIT_HEADER + "potassium\tadult\t4.8\t3.6\t\t\ts\t\n",
                        2,
                        "reference_low 4.8 must be at most reference_high 3.6"),
                Arguments.of(
                        LabCatalog.LIMITS,
                        LIMIT_HEADER + "potassium\tadult\t\t\t6.2\t2.8\ts\t\n",
                        2,
                        "critical_low 6.2 must be below critical_high 2.8"),
                Arguments.of(
                        LabCatalog.LIMITS,
                        LIMIT_HEADER + "potassium\tadult\t3.6\t4.8\t3.7\t6.2\ts\t\n",
                        2,
                        "critical_low 3.7 must be at most reference_low 3.6"),
                Arguments.of(
                        LabCatalog.LIMITS,
                        LIMIT_HEADER + "potassium\tadult\t3.6\t4.8\t2.8\t4.5\ts\t\n",
                        2,
                        "reference_high 4.8 must be at most critical_high 4.5"),
                Arguments.of(LabCatalog.LIMITS, LIMIT_HEADER + "potassium\tadult\t\t\t\t\ts\t\n", 2, "no limit given"),
                Arguments.of(
                        LabCatalog.LIMITS,
                        LIMIT_HEADER + "potassium\tneonate\t3.6\t4.8\t\t\ts\t\n",
                        2,
                        "column 'population' must be one of adult"),
                Arguments.of(
                        LabCatalog.LIMITS,
                        LIMIT_HEADER + "potassium\tadult-female\t3.5\t4.7\t\t\ts\t\n",
                        2,
                        "limits for potassium, adult-female have no counterpart for adult-male"),
                Arguments.of(
                        LabCatalog.LIMITS,
                        LIMIT_HEADER
                                + "potassium\tadult\t\t\t2.8\t6.2\ts\t\n"
                                + "potassium\tadult-female\t3.5\t4.7\t2.8\t6.2\ts\t\n"
                                + "potassium\tadult-male\t3.6\t4.8\t2.5\t6.2\ts\t\n",
                        4,
                        "critical limits for potassium, adult-male differ from the adult row (line 2)"),
                Arguments.of(
                        LabCatalog.LIMITS,
                        LIMIT_HEADER + "troponin\tadult\t\t0.04\t\t\ts\t\n",
                        2,
                        "refers to unknown analyte 'troponin'"),
                Arguments.of(
                        LabCatalog.LIMITS,
                        LIMIT_HEADER + "potassium\tadult\t3,6\t4.8\t\t\ts\t\n",
                        2,
                        "column 'reference_low' is not a number: '3,6'"),
                Arguments.of(
                        LabCatalog.LIMITS,
                        LIMIT_HEADER + "potassium\tadult\t3.6\t4.8\t2.8\t6.2\t\t\n",
                        2,
                        "missing source"));
    }

    @ParameterizedTest(name = "{0}:{2} {3}")
    @MethodSource("invalidTables")
    void refusesAnInvalidRowNamingFileAndLine(String file, String content, int line, String message) {
        KnowledgeLoadException error = catchThrowableOfType(KnowledgeLoadException.class, () -> load(file, content));

        assertThat(error).as("expected %s to be refused", file).isNotNull();
        assertThat(error.file()).isEqualTo(file);
        assertThat(error.line()).isEqualTo(line);
        assertThat(error.getMessage()).startsWith(file + ":" + line + ": ").contains(message);
    }

    @Test
    void aMissingTableIsNamed() {
        Map<String, String> tables = valid();
        tables.remove(LabCatalog.LIMITS);

        KnowledgeLoadException error = catchThrowableOfType(
                KnowledgeLoadException.class, () -> LabCatalog.load(KnowledgeSource.ofText(tables)));

        assertThat(error.file()).isEqualTo(LabCatalog.LIMITS);
        assertThat(error.line()).isZero();
        assertThat(error.getMessage()).contains("table missing from memory");
    }

    @Test
    void anUnreadableSourceIsReportedWithTheFile() {
        KnowledgeSource broken = new KnowledgeSource() {
            @Override
            public Optional<byte[]> read(String table) throws IOException {
                throw new IOException("disk on fire");
            }

            @Override
            public String describe() {
                return "broken";
            }
        };

        KnowledgeLoadException error =
                catchThrowableOfType(KnowledgeLoadException.class, () -> LabCatalog.load(broken));

        assertThat(error.getMessage()).isEqualTo("lab-analytes.tsv: cannot read from broken: disk on fire");
    }

    @Test
    void anAnalytesOwnRowWinsOverAWildcardRowForTheSameUnit() {
        LabCatalog catalog = load(LabCatalog.UNITS, UNITS + "body_temperature\t[degF]\tCel\t1\t\ts-own\t\n");

        Conversion conversion =
                catalog.toCanonical(catalog.analyte("body_temperature").orElseThrow(), 37, "[degF]");
        assertThat(((Conversion.Converted) conversion).rule().citation().text()).isEqualTo("s-own");
    }
}
