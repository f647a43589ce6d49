package org.vigil.knowledge;

import java.util.HashMap;
import java.util.Map;

/**
 * Small, self-consistent tables for loader tests. The drugs are fictional on purpose: these rows
 * exercise parsing and validation, they are not knowledge.
 */
final class TestTables {

    static final String INGREDIENTS = String.join(
            "\n",
            "# fictional test fixture",
            "rxcui\tname\tsynonyms\tsource\tsource_url",
            "1\talphastatin\talphastatin sodium\ttest fixture\t",
            "2\tbetazole\t\ttest fixture\thttps://example.org/betazole",
            "3\tpotassium chloride\t\ttest fixture\t",
            "4\tpotassium\t\ttest fixture\t",
            "");

    static final String CLINICAL_DRUGS = String.join(
            "\n",
            "rxcui\tname\tingredients\tsource\tsource_url",
            "101\talphastatin sodium 10 MG Oral Tablet\t1\ttest fixture\t",
            "");

    static final String INGREDIENT_CONCEPTS = String.join(
            "\n",
            "rxcui\ttty\tname\tingredients\tsource\tsource_url",
            "201\tPIN\talphastatin sodium\t1\ttest fixture\t",
            "202\tMIN\talphastatin / betazole\t1,2\ttest fixture\t",
            "");

    static final String DRUG_CLASSES = String.join(
            "\n",
            "class_id\tclass_name\tmember_rxcui\tsource\tsource_url",
            "substrates\tsubstrates\t1\ttest fixture\t",
            "inhibitors\tinhibitors\t2\ttest fixture\t",
            "");

    static final String INTERACTIONS = String.join(
            "\n",
            "id\ttitle\tleft\tright\tseverity\tinterruptive\tmechanism\tclinical_effect\tmanagement\tsource\tsource_url",
            "T-1\talpha with beta\tclass:substrates\tclass:inhibitors\tmajor\ttrue\tmech\teffect\tmanage\ttest fixture\t",
            "");

    static final String LAB_ANALYTES = String.join(
            "\n",
            "loinc\tloinc_display\tanalyte\tanalyte_name\tkind\tcanonical_unit\tsource\tsource_url",
            "2823-3\tPotassium [Moles/volume] in Serum or Plasma\tpotassium\tPotassium\tlab\tmmol/L\ttest fixture\t",
            "");

    static final String LAB_UNITS = String.join(
            "\n",
            "analyte\tunit\tcanonical_unit\tfactor\toffset\tsource\tsource_url",
            "potassium\tmEq/L\tmmol/L\t1\t\ttest fixture\t",
            "");

    static final String LAB_LIMITS = String.join(
            "\n",
            "analyte\tpopulation\treference_low\treference_high\tcritical_low\tcritical_high\tsource\tsource_url",
            "potassium\tadult\t\t\t2.8\t6.2\ttest fixture\t",
            "");

    static final String CONDITION_GROUPS = String.join(
            "\n",
            "group_id\tgroup_name\tsystem\tcode\tmatch\tdisplay\tsource\tsource_url",
            "heart-failure\tHeart failure\ticd10cm\tI50\tprefix\tHeart failure\ttest fixture\t",
            "");

    static final String CROSS_SENSITIVITY = String.join(
            "\n",
            "group_id\tgroup_name\tlevel\tbasis\tmember_rxcui\tmember_name\tsource\tsource_url",
            "fixture-group\tfixture group\tlow\tfixture basis\t1\talphastatin\ttest fixture\t",
            "fixture-group\tfixture group\tlow\tfixture basis\t2\tbetazole\ttest fixture\t",
            "");

    static final String ALLERGENS = String.join(
            "\n",
            "system\tcode\tdisplay\tmeans\tsource\tsource_url",
            "http://snomed.info/sct\t764146007\tPenicillin (substance)\tgroup:fixture-group\ttest fixture\t",
            "");

    static final String DUPLICATE_THERAPY = String.join(
            "\n",
            "id\tlabel\tmembers\twith\tsource\tsource_url",
            "TD-1\talphastatin with betazole\t1\t2\ttest fixture\t",
            "");

    static final String DRUG_LAB = "id\tdrug\tdrug_name\tanalyte\tcomparator\tthreshold\tunit\tlookback\tseverity"
            + "\tinterruptive\trationale\tmanagement\tsource\tsource_url\n";

    static final String MONITORING = "id\tdrug\tdrug_name\tanalyte\tloinc\ttest_name\tbaseline\tfirst_check\tinterval"
            + "\tschedule\trationale\tsource\tsource_url\n";

    static final String DOSE_LIMITS = "ingredient\troute\tpopulation\tsetting\tmax_single_dose\tmax_daily_dose\tunit"
            + "\tfrequency\tusual_max_daily_dose\tmin_age_years\tmax_age_years\tnote\tsource\tsource_url\n";

    static final String ROUTE_CONSTRAINTS = "id\tsubject\trule\troute\tconsequence\tsource\tsource_url\n";

    static final String MME_FACTORS = "ingredient\tingredient_name\troute\tfactor\tdose_unit\tsource\tsource_url\n";

    static final String MME_THRESHOLDS = String.join(
            "\n",
            "level\tmme_per_day\tmeaning\tsource\tsource_url",
            "caution\t50\tcaution\ttest fixture\t",
            "high\t90\thigh\ttest fixture\t",
            "");

    static final String AGE_CRITERIA =
            "drug\tdrug_name\tpopulation\tmin_age\tmax_age\taction\trationale\tsource\tsource_url\n";

    static final String RENAL_THRESHOLDS =
            "drug\tdrug_name\tmeasure\tthreshold\tcomparison\taction\tadvice\tsource\tsource_url\n";

    static final String DRUG_DISEASE =
            "drug\tdrug_name\tcondition_group\tseverity\tinterruptive\trationale\tmanagement\tsource\tsource_url\n";

    private TestTables() {}

    static final String RISK_SCORES = String.join(
            "\n",
            "score\tparameter\tparameter_name\tanalyte\trange\tpoints\tsource\tsource_url",
            "fixture\thigh_potassium\tPotassium\tpotassium\t[6,)\t1\ttest fixture\t",
            "");

    static final String RISK_THRESHOLDS = String.join(
            "\n",
            "score\tlevel\tat_least\tmeaning\tsource\tsource_url",
            "fixture\tpositive\t1\tflag\ttest fixture\t",
            "");

    static Map<String, String> valid() {
        Map<String, String> tables = new HashMap<>();
        tables.put("ingredients.tsv", INGREDIENTS);
        tables.put("clinical-drugs.tsv", CLINICAL_DRUGS);
        tables.put("precise-and-multiple-ingredients.tsv", INGREDIENT_CONCEPTS);
        tables.put("drug-classes.tsv", DRUG_CLASSES);
        tables.put("interactions.tsv", INTERACTIONS);
        tables.put("lab-analytes.tsv", LAB_ANALYTES);
        tables.put("lab-units.tsv", LAB_UNITS);
        tables.put("lab-limits.tsv", LAB_LIMITS);
        tables.put("condition-groups.tsv", CONDITION_GROUPS);
        tables.put("cross-sensitivity.tsv", CROSS_SENSITIVITY);
        tables.put("allergens.tsv", ALLERGENS);
        tables.put("duplicate-therapy.tsv", DUPLICATE_THERAPY);
        tables.put("drug-lab.tsv", DRUG_LAB);
        tables.put("monitoring.tsv", MONITORING);
        tables.put("dose-limits.tsv", DOSE_LIMITS);
        tables.put("route-constraints.tsv", ROUTE_CONSTRAINTS);
        tables.put("mme-factors.tsv", MME_FACTORS);
        tables.put("mme-thresholds.tsv", MME_THRESHOLDS);
        tables.put("age-criteria.tsv", AGE_CRITERIA);
        tables.put("renal-thresholds.tsv", RENAL_THRESHOLDS);
        tables.put("drug-disease.tsv", DRUG_DISEASE);
        tables.put("risk-scores.tsv", RISK_SCORES);
        tables.put("risk-thresholds.tsv", RISK_THRESHOLDS);
        return tables;
    }

    static Map<String, String> with(String table, String content) {
        Map<String, String> tables = valid();
        tables.put(table, content);
        return tables;
    }

    static KnowledgeSnapshot load(Map<String, String> tables) {
        return KnowledgeSnapshot.load(KnowledgeSource.ofText(tables));
    }
}
