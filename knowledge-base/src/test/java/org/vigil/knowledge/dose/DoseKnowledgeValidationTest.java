package org.vigil.knowledge.dose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.knowledge.DrugVocabulary;
import org.vigil.knowledge.KnowledgeLoadException;
import org.vigil.knowledge.KnowledgeSource;

/** Fictional fixture tables: these rows exercise parsing and validation, they are not knowledge. */
class DoseKnowledgeValidationTest {

    private static final DrugVocabulary DRUGS = DrugVocabulary.load(KnowledgeSource.ofText(Map.of(
            "ingredients.tsv",
            "rxcui\tname\tsynonyms\tsource\tsource_url\n"
                    + "1\talphacillin\t\ttest fixture\t\n"
                    + "2\tbetacillin\t\ttest fixture\t\n"
                    + "3\tgammadone\t\ttest fixture\t\n",
            "clinical-drugs.tsv",
            "rxcui\tname\tingredients\tsource\tsource_url\n",
            "precise-and-multiple-ingredients.tsv",
            "rxcui\ttty\tname\tingredients\tsource\tsource_url\n",
            "drug-classes.tsv",
            "class_id\tclass_name\tmember_rxcui\tsource\tsource_url\n"
                    + "cillins\tcillins\t1\ttest fixture\t\n"
                    + "cillins\tcillins\t2\ttest fixture\t\n",
            "interactions.tsv",
            "id\ttitle\tleft\tright\tseverity\tinterruptive\tmechanism\tclinical_effect\tmanagement"
                    + "\tsource\tsource_url\n",
            "duplicate-therapy.tsv",
            "id\tlabel\tmembers\twith\tsource\tsource_url\n")));

    private static final String DL_HEADER = "ingredient\troute\tpopulation\tsetting\tmax_single_dose\tmax_daily_dose"
            + "\tunit\tfrequency\tusual_max_daily_dose\tmin_age_years\tmax_age_years\tnote\tsource\tsource_url\n";
    private static final String RC_HEADER = "id\tsubject\trule\troute\tconsequence\tsource\tsource_url\n";
    private static final String MF_HEADER =
            "ingredient\tingredient_name\troute\tfactor\tdose_unit\tsource\tsource_url\n";
    private static final String MT_HEADER = "level\tmme_per_day\tmeaning\tsource\tsource_url\n";

    /** ingredient, route, population, setting, single, daily, unit, frequency, usual, min age, max age, source. */
    private static String limit(String... f) {
        return String.join("\t", f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], "a note", f[11], "")
                + "\n";
    }

    private static final String GOOD_LIMIT =
            limit("1", "oral", "adult", "any", "500", "2000", "mg", "", "", "", "", "s");
    private static final String GOOD_ROUTE =
            String.join("\t", "RC-1", "dose-form:Oral Tablet", "forbidden", "intravenous", "never inject", "s", "")
                    + "\n";
    private static final String GOOD_FACTOR =
            String.join("\t", "3", "gammadone", "oral", "1.5", "mg/day", "s", "") + "\n";
    private static final String GOOD_THRESHOLDS = MT_HEADER + "caution\t50\treassess\ts\t\nhigh\t90\tavoid\ts\t\n";

    private static Map<String, byte[]> tables(String limits, String routes, String factors, String thresholds) {
        Map<String, byte[]> tables = new HashMap<>();
        put(tables, DoseKnowledge.DOSE_LIMITS, limits);
        put(tables, DoseKnowledge.ROUTE_CONSTRAINTS, routes);
        put(tables, DoseKnowledge.MME_FACTORS, factors);
        put(tables, DoseKnowledge.MME_THRESHOLDS, thresholds);
        return tables;
    }

    private static void put(Map<String, byte[]> tables, String file, String text) {
        if (text != null) {
            tables.put(file, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Map<String, byte[]> good() {
        return tables(DL_HEADER + GOOD_LIMIT, RC_HEADER + GOOD_ROUTE, MF_HEADER + GOOD_FACTOR, GOOD_THRESHOLDS);
    }

    @Test
    void theFixtureItselfLoads() {
        DoseKnowledge knowledge = DoseKnowledge.parse(good(), DRUGS);

        assertThat(knowledge
                        .doseLimits()
                        .limit(1, "oral", Population.ADULT)
                        .orElseThrow()
                        .maxDaily())
                .hasValue(2000);
        assertThat(knowledge.routeConstraints().problem(2, "oral tablet", "intravenous"))
                .isPresent();
        assertThat(knowledge.mme().factor(3, "oral")).hasValue(1.5);
    }

    @Test
    void aClassRowReachesEveryMemberButAnIngredientsOwnRowWins() {
        String limits = DL_HEADER
                + limit("class:cillins", "oral", "adult", "any", "", "3000", "mg", "", "", "", "", "class source")
                + limit("2", "oral", "adult", "any", "", "1000", "mg", "", "", "", "", "own source");
        String routes = RC_HEADER
                + String.join("\t", "RC-9", "class:cillins", "forbidden", "intrathecal", "never intrathecal", "s", "")
                + "\n";
        DoseKnowledge knowledge =
                DoseKnowledge.parse(tables(limits, routes, MF_HEADER + GOOD_FACTOR, GOOD_THRESHOLDS), DRUGS);

        assertThat(knowledge
                        .doseLimits()
                        .limit(1, "oral", Population.ADULT)
                        .orElseThrow()
                        .maxDaily())
                .hasValue(3000);
        assertThat(knowledge
                        .doseLimits()
                        .limit(2, "oral", Population.ADULT)
                        .orElseThrow()
                        .maxDaily())
                .hasValue(1000);
        assertThat(knowledge.doseLimits().rows()).hasSize(2);
        assertThat(knowledge.routeConstraints().problem(1, null, "intrathecal")).isPresent();
        assertThat(knowledge.routeConstraints().problem(2, null, "intrathecal")).isPresent();
        assertThat(knowledge.routeConstraints().problem(3, null, "intrathecal")).isEmpty();
    }

    static Stream<Arguments> badDoseLimits() {
        return Stream.of(
                Arguments.of(
                        limit("99", "oral", "adult", "any", "1", "2", "mg", "", "", "", "", "s"),
                        "unknown ingredient rxcui 99"),
                Arguments.of(
                        limit("class:nope", "oral", "adult", "any", "1", "2", "mg", "", "", "", "", "s"),
                        "unknown class 'nope'"),
                Arguments.of(
                        limit("2", "oral", "adult", "any", "1", "2", "mgs", "", "", "", "", "s"),
                        "column 'unit' must be one of mg|mcg|g|unit|mg/kg, not 'mgs'"),
                Arguments.of(
                        limit("2", "oral", "adult", "any", "500", "100", "mg", "", "", "", "", "s"),
                        "max_single_dose 500 is greater than max_daily_dose 100"),
                Arguments.of(
                        limit("2", "intranasal", "adult", "any", "1", "2", "mg", "", "", "", "", "s"),
                        "column 'route' must be one of"),
                Arguments.of(
                        limit("2", "oral", "elderly", "any", "1", "2", "mg", "", "", "", "", "s"),
                        "column 'population' must be one of adult|older-adult|pediatric"),
                Arguments.of(
                        limit("2", "oral", "adult", "otc", "1", "2", "mg", "", "", "", "", "s"),
                        "column 'setting' must be one of"),
                Arguments.of(
                        limit("1", "oral", "adult", "any", "1", "2", "mg", "", "", "", "", "s"),
                        "duplicate dose limit for 1 oral adult any (first at line 2)"),
                Arguments.of(limit("2", "oral", "adult", "any", "1", "2", "mg", "", "", "", "", ""), "missing source"),
                Arguments.of(
                        limit("2", "oral", "adult", "any", "10", "40", "mg/kg", "", "", "", "", "s"),
                        "unit mg/kg is for pediatric weight-based limits"),
                Arguments.of(
                        limit("2", "oral", "adult", "any", "", "", "", "", "", "", "", "s"),
                        "needs max_single_dose, max_daily_dose or a frequency rule"),
                Arguments.of(
                        limit("2", "oral", "adult", "any", "", "2", "", "", "", "", "", "s"),
                        "column 'unit' is blank but the row gives a dose"),
                Arguments.of(
                        limit("2", "oral", "adult", "any", "-1", "2", "mg", "", "", "", "", "s"),
                        "column 'max_single_dose' must be positive"),
                Arguments.of(
                        limit("2", "oral", "adult", "any", "", "2", "mg", "daily", "", "", "", "s"),
                        "column 'frequency' must be one of weekly"),
                Arguments.of(
                        limit("2", "oral", "adult", "any", "", "40", "mg", "", "80", "", "", "s"),
                        "usual_max_daily_dose needs a max_daily_dose at least as large"),
                Arguments.of(
                        limit("2", "oral", "pediatric", "any", "", "40", "mg/kg", "", "", "12", "2", "s"),
                        "min_age_years 12 is not below max_age_years 2"),
                Arguments.of(
                        limit("2", "oral", "adult", "any", "", "four", "mg", "", "", "", "", "s"),
                        "column 'max_daily_dose' is not a number: 'four'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badDoseLimits")
    void aBadDoseLimitRowIsRejectedWithFileAndLine(String badRow, String message) {
        Map<String, byte[]> tables = good();
        put(tables, DoseKnowledge.DOSE_LIMITS, DL_HEADER + GOOD_LIMIT + badRow);

        KnowledgeLoadException e =
                catchThrowableOfType(KnowledgeLoadException.class, () -> DoseKnowledge.parse(tables, DRUGS));

        assertThat(e).isNotNull();
        assertThat(e.file()).isEqualTo("dose-limits.tsv");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("dose-limits.tsv:3: ").contains(message);
    }

    private static String rule(String id, String subject, String rule, String route, String source) {
        return String.join("\t", id, subject, rule, route, "consequence", source, "") + "\n";
    }

    static Stream<Arguments> badRouteRules() {
        return Stream.of(
                Arguments.of(rule("RC-2", "1", "forbidden", "any", "s"), "column 'route' must be one of"),
                Arguments.of(
                        rule("RC-2", "1", "discouraged", "oral", "s"), "column 'rule' must be one of forbidden|only"),
                Arguments.of(rule("RC-2", "77", "forbidden", "intrathecal", "s"), "unknown ingredient rxcui 77"),
                Arguments.of(
                        rule("RC-1", "1", "forbidden", "intrathecal", "s"), "duplicate id 'RC-1' (first at line 2)"),
                Arguments.of(
                        rule("RC-2", "dose-form:Oral Tablet", "forbidden", "intravenous", "s"),
                        "dose form 'Oral Tablet' is already forbidden by intravenous in rule RC-1"),
                Arguments.of(rule("RC-2", "dose-form: ", "forbidden", "intravenous", "s"), "names no dose form"),
                Arguments.of(rule("RC-2", "1", "forbidden", "intrathecal", ""), "missing source"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badRouteRules")
    void aBadRouteRuleIsRejectedWithFileAndLine(String badRow, String message) {
        Map<String, byte[]> tables = good();
        put(tables, DoseKnowledge.ROUTE_CONSTRAINTS, RC_HEADER + GOOD_ROUTE + badRow);

        KnowledgeLoadException e =
                catchThrowableOfType(KnowledgeLoadException.class, () -> DoseKnowledge.parse(tables, DRUGS));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("route-constraints.tsv:3: ").contains(message);
    }

    @Test
    void aRuleForbiddingTheOnlyAllowedRouteIsRejected() {
        Map<String, byte[]> tables = good();
        put(
                tables,
                DoseKnowledge.ROUTE_CONSTRAINTS,
                RC_HEADER
                        + rule("RC-1", "1", "only", "intravenous", "s")
                        + rule("RC-2", "1", "forbidden", "intravenous", "s"));

        KnowledgeLoadException e =
                catchThrowableOfType(KnowledgeLoadException.class, () -> DoseKnowledge.parse(tables, DRUGS));

        assertThat(e).isNotNull();
        assertThat(e.getMessage())
                .isEqualTo("route-constraints.tsv:3: rule RC-2 forbids the only route rule RC-1 allows");
    }

    private static String factor(String rxcui, String name, String route, String value, String unit) {
        return String.join("\t", rxcui, name, route, value, unit, "s", "") + "\n";
    }

    static Stream<Arguments> badFactors() {
        return Stream.of(
                Arguments.of(
                        factor("3", "alphacillin", "transdermal", "2", "mg/day"),
                        "ingredient_name 'alphacillin' does not match ingredient 3 'gammadone'"),
                Arguments.of(
                        factor("3", "gammadone", "oral", "2.4", "mcg/hr"),
                        "a factor per mcg/hr is for transdermal systems; route is 'oral'"),
                Arguments.of(
                        factor("3", "gammadone", "oral", "2", "mg/day"),
                        "duplicate factor for 3 oral (first at line 2)"),
                Arguments.of(
                        factor("3", "gammadone", "transdermal", "2", "mg"),
                        "column 'dose_unit' must be mg/day or mcg/hr, not 'mg'"),
                Arguments.of(
                        factor("3", "gammadone", "transdermal", "0", "mcg/hr"), "column 'factor' must be positive"),
                Arguments.of(factor("88", "nothing", "oral", "1", "mg/day"), "unknown ingredient rxcui 88"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badFactors")
    void aBadMmeFactorIsRejectedWithFileAndLine(String badRow, String message) {
        Map<String, byte[]> tables = good();
        put(tables, DoseKnowledge.MME_FACTORS, MF_HEADER + GOOD_FACTOR + badRow);

        KnowledgeLoadException e =
                catchThrowableOfType(KnowledgeLoadException.class, () -> DoseKnowledge.parse(tables, DRUGS));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("mme-factors.tsv:3: ").contains(message);
    }

    @Test
    void thresholdsMustBeBothPresentAndInOrder() {
        Map<String, byte[]> missing = good();
        put(missing, DoseKnowledge.MME_THRESHOLDS, MT_HEADER + "caution\t50\treassess\ts\t\n");
        Map<String, byte[]> reversed = good();
        put(reversed, DoseKnowledge.MME_THRESHOLDS, MT_HEADER + "caution\t90\treassess\ts\t\nhigh\t50\tavoid\ts\t\n");

        assertThat(catchThrowableOfType(KnowledgeLoadException.class, () -> DoseKnowledge.parse(missing, DRUGS)))
                .hasMessage("mme-thresholds.tsv: no row for level 'high'");
        assertThat(catchThrowableOfType(KnowledgeLoadException.class, () -> DoseKnowledge.parse(reversed, DRUGS)))
                .hasMessage("mme-thresholds.tsv:3: high threshold 50 is not above caution threshold 90");
    }

    @Test
    void aMissingTableIsNamed() {
        Map<String, byte[]> tables = good();
        tables.remove(DoseKnowledge.ROUTE_CONSTRAINTS);

        assertThat(catchThrowableOfType(KnowledgeLoadException.class, () -> DoseKnowledge.parse(tables, DRUGS)))
                .hasMessage("route-constraints.tsv: table missing");
    }
}
