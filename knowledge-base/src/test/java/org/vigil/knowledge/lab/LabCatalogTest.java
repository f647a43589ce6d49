package org.vigil.knowledge.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.knowledge.KnowledgeSource;

/** Behaviour of the bundled lab tables, as a clinician reading a result would expect it. */
class LabCatalogTest {

    private static LabCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = LabCatalog.load(KnowledgeSource.classpath());
    }

    private static Analyte analyte(String id) {
        return catalog.analyte(id).orElseThrow();
    }

    private static double canonical(String analyte, double value, String unit) {
        Conversion conversion = catalog.toCanonical(analyte(analyte), value, unit);
        assertThat(conversion.isConverted())
                .as("%s %s %s converts", analyte, value, unit)
                .isTrue();
        return ((Conversion.Converted) conversion).value();
    }

    private static double convert(String analyte, double value, String from, String to) {
        Conversion conversion = catalog.convert(analyte(analyte), value, from, to);
        assertThat(conversion).isInstanceOf(Conversion.Converted.class);
        return conversion.valueOrNaN();
    }

    @ParameterizedTest(name = "LOINC {0} reports {1}")
    @CsvSource({
        "2823-3, potassium",
        "6298-4, potassium",
        "2951-2, sodium",
        "2345-7, glucose",
        "15074-8, glucose",
        "2160-0, creatinine",
        "14682-9, creatinine",
        "98979-8, egfr",
        "62238-1, egfr",
        "33914-3, egfr",
        "48642-3, egfr",
        "48643-1, egfr",
        "2164-2, creatinine_clearance",
        "6301-6, inr",
        "718-7, hemoglobin",
        "777-3, platelets",
        "6690-2, wbc",
        "10535-3, digoxin",
        "17861-6, calcium",
        "19123-9, magnesium",
        "2601-3, magnesium",
        "9279-1, respiratory_rate",
        "8867-4, heart_rate",
        "8480-6, systolic_bp",
        "8462-4, diastolic_bp",
        "8310-5, body_temperature",
        "59408-5, spo2",
        "2708-6, spo2",
        "9269-2, gcs_total",
        "29463-7, body_weight",
        "8302-2, body_height",
        "39156-5, bmi"
    })
    void mapsEachLoincToItsAnalyte(String loinc, String analyte) {
        assertThat(catalog.analyteForLoinc(loinc)).map(Analyte::id).contains(analyte);
    }

    @Test
    void serumAndWholeBloodPotassiumAreOneAnalyteWithOneCanonicalUnit() {
        Analyte serum = catalog.analyteForLoinc("2823-3").orElseThrow();
        Analyte blood = catalog.analyteForLoinc("6298-4").orElseThrow();

        assertThat(serum).isSameAs(blood);
        assertThat(serum.canonicalUnit()).isEqualTo("mmol/L");
        assertThat(serum.kind()).isEqualTo(AnalyteKind.LAB);
        assertThat(catalog.analyteForLoinc("8867-4").orElseThrow().kind()).isEqualTo(AnalyteKind.VITAL);
    }

    @Test
    void anUnknownOrMissingLoincIsNotGuessed() {
        assertThat(catalog.analyteForLoinc("1742-6")).isEmpty(); // ALT: not in the table
        assertThat(catalog.analyteForLoinc("2823-4")).isEmpty();
        assertThat(catalog.analyteForLoinc(" 2823-3")).isEmpty();
        assertThat(catalog.analyteForLoinc(null)).isEmpty();
        assertThat(catalog.mapping("99999-9")).isEmpty();
    }

    @Test
    void everyLoincRowCitesWhereTheCodeWasFound() {
        assertThat(catalog.mappings()).hasSizeGreaterThanOrEqualTo(35);
        assertThat(catalog.mappings())
                .allSatisfy(row -> assertThat(row.citation().text()).isNotBlank());
        assertThat(catalog.mapping("2823-3").orElseThrow().citation().text()).contains("valueset-potassium-LOINC");
    }

    static Stream<Arguments> bothWays() {
        return Stream.of(
                // analyte, value, unit, value in the other unit, other unit, tolerance
                Arguments.of("glucose", 90.0, "mg/dL", 4.9956, "mmol/L", 0.0001),
                Arguments.of("glucose", 5.0, "mmol/L", 90.08, "mg/dL", 0.0001),
                Arguments.of("creatinine", 1.0, "mg/dL", 88.4017, "umol/L", 0.0001),
                Arguments.of("creatinine", 88.4, "umol/L", 0.99998, "mg/dL", 0.00001),
                Arguments.of("hemoglobin", 7.2, "g/dL", 72.0, "g/L", 1e-9),
                Arguments.of("hemoglobin", 135.0, "g/L", 13.5, "g/dL", 1e-9),
                Arguments.of("platelets", 150.0, "10*3/uL", 150.0, "10*9/L", 1e-9),
                Arguments.of("platelets", 37.0, "10*9/L", 37.0, "10*3/uL", 1e-9),
                Arguments.of("body_temperature", 98.6, "[degF]", 37.0, "Cel", 1e-9),
                Arguments.of("body_temperature", 37.0, "Cel", 98.6, "[degF]", 1e-9),
                Arguments.of("body_temperature", -40.0, "Cel", -40.0, "[degF]", 1e-9),
                Arguments.of("calcium", 2.5, "mmol/L", 10.0195, "mg/dL", 1e-9),
                Arguments.of("magnesium", 2.4305, "mg/dL", 1.0, "mmol/L", 1e-9),
                Arguments.of("body_weight", 154.0, "[lb_av]", 69.85322498, "kg", 1e-8),
                Arguments.of("body_height", 70.0, "[in_i]", 177.8, "cm", 1e-9));
    }

    @ParameterizedTest(name = "{0}: {1} {2} = {3} {4}")
    @MethodSource("bothWays")
    void convertsBothWays(String analyte, double value, String unit, double expected, String other, double tolerance) {
        assertThat(convert(analyte, value, unit, other)).isCloseTo(expected, within(tolerance));
        assertThat(convert(analyte, expected, other, unit)).isCloseTo(value, within(tolerance * 10));
    }

    @Test
    void canonicalConversionCarriesTheRuleAndItsSource() {
        Conversion.Converted converted =
                (Conversion.Converted) catalog.toCanonical(analyte("creatinine"), 177.0, "umol/L");

        assertThat(converted.value()).isCloseTo(2.0022, within(0.0001));
        assertThat(converted.unit()).isEqualTo("mg/dL");
        assertThat(converted.rule().citation().text()).contains("113.12 g/mol");
    }

    @Test
    void kostCriticalLimitsInSiUnitsLandOnTheConventionalLimits() {
        // Kost 1990 as tabulated with SI equivalents: the molar-mass factors must reproduce them.
        assertThat(canonical("glucose", 2.6, "mmol/L")).isCloseTo(46, within(0.9));
        assertThat(canonical("calcium", 1.65, "mmol/L")).isCloseTo(6.6, within(0.05));
        assertThat(canonical("magnesium", 0.41, "mmol/L")).isCloseTo(1.0, within(0.01));
        assertThat(canonical("creatinine", 654, "umol/L")).isCloseTo(7.4, within(0.01));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "potassium | 4.1 | mEq/L | 4.1",
                "potassium | 4.1 | meq/L | 4.1",
                "potassium | 4.1 | MMOL/L | 4.1",
                "potassium | 4.1 | mmol/l | 4.1",
                "sodium | 140 | mEq/L | 140",
                "glucose | 100 | mg/dl | 100",
                "glucose | 100 | ' mg/dL ' | 100",
                "creatinine | 88.4 | µmol/L | 0.9999808",
                "creatinine | 88.4 | μmol/L | 0.9999808",
                "creatinine | 10 | mg/L | 1.0",
                "platelets | 250 | K/uL | 250",
                "platelets | 250 | x10^9/L | 250",
                "platelets | 250000 | /uL | 250",
                "wbc | 7.5 | 10*3/uL | 7.5",
                "egfr | 55 | mL/min/1.73m2 | 55",
                "heart_rate | 72 | {beats}/min | 72",
                "systolic_bp | 100 | mmHg | 100",
                "body_weight | 70000 | g | 70",
                "inr | 2.5 | 1 | 2.5",
                "digoxin | 0.9 | ug/L | 0.9"
            })
    void acceptsTheSpellingsEhrsSend(String analyte, double value, String unit, double expected) {
        assertThat(canonical(analyte, value, unit)).isCloseTo(expected, within(1e-6));
    }

    @Test
    void aValueInAUnitWithNoKnownConversionIsNotCompared() {
        Conversion conversion = catalog.toCanonical(analyte("potassium"), 18.0, "mg/dL");

        assertThat(conversion).isInstanceOfSatisfying(Conversion.NotConvertible.class, not -> {
            assertThat(not.reason()).isEqualTo(Conversion.Reason.UNKNOWN_UNIT);
            assertThat(not.message()).contains("potassium", "mg/dL", "not compared");
        });
        assertThat(conversion.valueOrNaN()).isNaN();
        assertThat(catalog.canonicalValueOrNaN(analyte("potassium"), 18.0, "mg/dL"))
                .isNaN();
    }

    @Test
    void milliequivalentsAreNotTakenAsMillimolesForDivalentCalciumAndMagnesium() {
        // 1 mEq of Ca2+ or Mg2+ is half a millimole: the table deliberately has no mEq/L row for them.
        assertThat(catalog.toCanonical(analyte("calcium"), 5.0, "mEq/L"))
                .isInstanceOfSatisfying(
                        Conversion.NotConvertible.class,
                        not -> assertThat(not.reason()).isEqualTo(Conversion.Reason.UNKNOWN_UNIT));
        assertThat(catalog.toCanonical(analyte("magnesium"), 1.6, "mEq/L").isConverted())
                .isFalse();
    }

    @Test
    void aMissingUnitOrANonNumberIsNotCompared() {
        assertThat(catalog.toCanonical(analyte("sodium"), 140, null))
                .isEqualTo(new Conversion.NotConvertible("sodium", null, Conversion.Reason.MISSING_UNIT));
        assertThat(catalog.toCanonical(analyte("sodium"), 140, " "))
                .isEqualTo(new Conversion.NotConvertible("sodium", " ", Conversion.Reason.MISSING_UNIT));
        assertThat(catalog.toCanonical(analyte("sodium"), Double.NaN, "mmol/L"))
                .isEqualTo(new Conversion.NotConvertible("sodium", "mmol/L", Conversion.Reason.NOT_A_NUMBER));
        assertThat(catalog.convert(analyte("glucose"), 90, "mg/dL", "mmol/mol"))
                .isEqualTo(new Conversion.NotConvertible("glucose", "mmol/mol", Conversion.Reason.UNKNOWN_UNIT));
    }

    @Test
    void aUnitOfAnotherDimensionIsNotAcceptedThroughAWildcardRule() {
        // kg and cm rules apply only to analytes whose canonical unit is kg or cm.
        assertThat(catalog.toCanonical(analyte("body_height"), 70, "[lb_av]").isConverted())
                .isFalse();
        assertThat(catalog.toCanonical(analyte("potassium"), 4, "g").isConverted())
                .isFalse();
        assertThat(catalog.toCanonical(analyte("body_temperature"), 37, "mm[Hg]")
                        .isConverted())
                .isFalse();
    }

    @Test
    void rejectsAnAnalyteFromElsewhere() {
        Analyte foreign = new Analyte("potassium", "Potassium", AnalyteKind.LAB, "mg/dL");

        assertThatThrownBy(() -> catalog.toCanonical(foreign, 4, "mmol/L"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not from this catalog");
    }

    @ParameterizedTest(name = "potassium {0} mmol/L is {1}")
    @CsvSource({
        "2.79, CRITICAL_LOW",
        "2.8, LOW", // Kost's low limit itself: not critical, critical means strictly below it
        "3.59, LOW",
        "3.6, NORMAL", // reference limits are inclusive
        "4.8, NORMAL",
        "4.81, HIGH",
        "6.2, HIGH", // Kost's high limit itself: not critical, critical means strictly above it
        "6.21, CRITICAL_HIGH"
    })
    void classifiesPotassiumAtTheEdges(double value, Interpretation expected) {
        assertThat(catalog.limits("potassium").orElseThrow().classify(value)).isEqualTo(expected);
    }

    @Test
    void aHemoglobinReportedInGramsPerLitreMeetsKostsLimitsAfterConversion() {
        LabLimits limits = catalog.limits("hemoglobin").orElseThrow();

        assertThat(limits.criticalLow()).hasValue(6.6);
        assertThat(limits.classify(catalog.canonicalValueOrNaN(analyte("hemoglobin"), 65, "g/L")))
                .isEqualTo(Interpretation.CRITICAL_LOW);
        assertThat(limits.classify(catalog.canonicalValueOrNaN(analyte("hemoglobin"), 66, "g/L")))
                .isEqualTo(Interpretation.UNKNOWN); // at the limit, no sourced reference interval
        assertThat(limits.classify(catalog.canonicalValueOrNaN(analyte("hemoglobin"), 200, "g/L")))
                .isEqualTo(Interpretation.CRITICAL_HIGH);
    }

    @Test
    void aGlucoseInMillimolesIsJudgedAgainstTheMilligramLimit() {
        LabLimits limits = catalog.limits("glucose").orElseThrow();

        assertThat(limits.classify(catalog.canonicalValueOrNaN(analyte("glucose"), 2.5, "mmol/L")))
                .isEqualTo(Interpretation.CRITICAL_LOW); // 45.04 mg/dL < 46
        assertThat(limits.classify(catalog.canonicalValueOrNaN(analyte("glucose"), 27.0, "mmol/L")))
                .isEqualTo(Interpretation.CRITICAL_HIGH); // 486.4 mg/dL > 484
        assertThat(limits.classify(120)).isEqualTo(Interpretation.UNKNOWN); // no reference interval sourced
    }

    @Test
    void onlyTheSourcedLimitSideIsChecked() {
        LabLimits creatinine = catalog.limits("creatinine").orElseThrow();

        assertThat(creatinine.criticalLow()).isEmpty();
        assertThat(creatinine.classify(0.1)).isEqualTo(Interpretation.UNKNOWN);
        assertThat(creatinine.classify(7.5)).isEqualTo(Interpretation.CRITICAL_HIGH);
        assertThat(creatinine.classify(Double.NaN)).isEqualTo(Interpretation.UNKNOWN);
    }

    @Test
    void limitsExistOnlyWhereSourcedAndCiteKost() {
        assertThat(catalog.limits("heart_rate")).isEmpty();
        assertThat(catalog.limits("inr")).isEmpty();
        assertThat(catalog.limits("nonsense")).isEmpty();
        assertThat(catalog.limits(null)).isEmpty();
        assertThat(catalog.limits("sodium", Population.ADULT)).isPresent();
        for (String id : new String[] {"glucose", "potassium", "sodium", "calcium", "hemoglobin", "platelets", "wbc"}) {
            assertThat(catalog.limits(id).orElseThrow().citation().text())
                    .as(id)
                    .contains("Kost", "JAMA 1990");
        }
        assertThat(catalog.limits("sodium").orElseThrow().classify(119.9)).isEqualTo(Interpretation.CRITICAL_LOW);
        assertThat(catalog.limits("platelets").orElseThrow().classify(36)).isEqualTo(Interpretation.CRITICAL_LOW);
        assertThat(catalog.limits("wbc").orElseThrow().classify(37.1)).isEqualTo(Interpretation.CRITICAL_HIGH);
        assertThat(catalog.limits("calcium").orElseThrow().classify(9.5)).isEqualTo(Interpretation.NORMAL);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        "sodium, 134, mmol/L, LOW",
        "sodium, 135, mmol/L, NORMAL", // reference limits are inclusive
        "sodium, 146, mmol/L, HIGH",
        "chloride, 94, mmol/L, LOW",
        "co2_total, 33, mmol/L, HIGH",
        "magnesium, 0.69, mmol/L, LOW", // 1.677 mg/dL
        "magnesium, 0.70, mmol/L, NORMAL", // exactly 0.7 mmol/L = 1.70135 mg/dL, the converted limit
        "magnesium, 1.7, mg/dL, LOW",
        "bun, 21, mg/dL, HIGH",
        "bun, 4, mg/dL, LOW",
        "platelets, 149, 10*9/L, LOW",
        "wbc, 10.1, 10*9/L, HIGH",
        "wbc, 4.0, 10*9/L, NORMAL"
    })
    void judgesTheCitedAdultReferenceIntervals(String id, double value, String unit, Interpretation expected) {
        LabLimits limits = catalog.limits(id).orElseThrow();

        assertThat(limits.classify(catalog.canonicalValueOrNaN(analyte(id), value, unit)))
                .isEqualTo(expected);
        assertThat(limits.citation().text()).contains("Reference interval:");
    }

    @Test
    void hemoglobinAndCreatinineAreJudgedByTheIntervalOfThePatientsSex() {
        assertThat(catalog.limitsForSex("hemoglobin", "female").orElseThrow().classify(12.0))
                .isEqualTo(Interpretation.NORMAL);
        assertThat(catalog.limitsForSex("hemoglobin", "male").orElseThrow().classify(12.0))
                .isEqualTo(Interpretation.LOW);
        assertThat(catalog.limitsForSex("hemoglobin", "unknown").orElseThrow().classify(12.0))
                .isEqualTo(Interpretation.UNKNOWN); // no sex-independent interval: not judged
        assertThat(catalog.limitsForSex("hemoglobin", null).orElseThrow().classify(6.5))
                .isEqualTo(Interpretation.CRITICAL_LOW);
        assertThat(catalog.limitsForSex("creatinine", "female").orElseThrow().classify(1.15))
                .isEqualTo(Interpretation.HIGH);
        assertThat(catalog.limitsForSex("creatinine", "male").orElseThrow().classify(1.15))
                .isEqualTo(Interpretation.NORMAL);
        assertThat(catalog.limitsForSex("creatinine", "male").orElseThrow().population())
                .isEqualTo(Population.ADULT_MALE);
        // Analytes without a sex-specific row fall back to the adult row for everyone.
        assertThat(catalog.limitsForSex("sodium", "female").orElseThrow().population())
                .isEqualTo(Population.ADULT);
        assertThat(catalog.limitsForSex("hemoglobin", "female").orElseThrow().criticalLow())
                .isEqualTo(catalog.limits("hemoglobin").orElseThrow().criticalLow());
    }

    @Test
    void theTablesAreListedInLoadOrder() {
        assertThat(LabCatalog.FILES).containsExactly("lab-analytes.tsv", "lab-units.tsv", "lab-limits.tsv");
    }
}
