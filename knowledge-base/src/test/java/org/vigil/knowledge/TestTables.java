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

    static final String DUPLICATE_THERAPY = String.join(
            "\n",
            "id\tlabel\tmembers\twith\tsource\tsource_url",
            "TD-1\talphastatin with betazole\t1\t2\ttest fixture\t",
            "");

    private TestTables() {}

    static Map<String, String> valid() {
        Map<String, String> tables = new HashMap<>();
        tables.put("ingredients.tsv", INGREDIENTS);
        tables.put("clinical-drugs.tsv", CLINICAL_DRUGS);
        tables.put("drug-classes.tsv", DRUG_CLASSES);
        tables.put("interactions.tsv", INTERACTIONS);
        tables.put("duplicate-therapy.tsv", DUPLICATE_THERAPY);
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
