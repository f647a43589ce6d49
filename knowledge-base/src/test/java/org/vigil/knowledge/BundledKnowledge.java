package org.vigil.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.vigil.knowledge.condition.ConditionGroups;
import org.vigil.knowledge.lab.Analyte;
import org.vigil.knowledge.lab.LabCatalog;

/** The bundled tables, loaded once, for content tests of the patient-context tables. */
public final class BundledKnowledge {

    public static final DrugVocabulary DRUGS = DrugVocabulary.load(KnowledgeSource.classpath());

    public static final Set<String> CONDITION_GROUP_IDS =
            ConditionGroups.load(KnowledgeSource.classpath()).groupIds();

    public static final Set<String> ANALYTE_IDS = LabCatalog.load(KnowledgeSource.classpath()).analytes().stream()
            .map(Analyte::id)
            .collect(Collectors.toUnmodifiableSet());

    private BundledKnowledge() {}

    /** The raw bytes of the named bundled tables. */
    public static Map<String, byte[]> tables(List<String> files) {
        Map<String, byte[]> tables = new HashMap<>();
        for (String file : files) {
            try {
                tables.put(file, KnowledgeSource.classpath().read(file).orElseThrow());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tables;
    }

    /**
     * A small fictional vocabulary for validation tests: ingredients 1 alphazepam, 2 betaprofen, 3
     * gammaformin; class {@code fixture-class} = {1, 2}.
     */
    public static DrugVocabulary fixtureDrugs() {
        return DrugVocabulary.load(KnowledgeSource.ofText(Map.of(
                "ingredients.tsv",
                "rxcui\tname\tsynonyms\tsource\tsource_url\n"
                        + "1\talphazepam\t\ttest fixture\t\n"
                        + "2\tbetaprofen\t\ttest fixture\t\n"
                        + "3\tgammaformin\t\ttest fixture\t\n",
                "clinical-drugs.tsv",
                "rxcui\tname\tingredients\tsource\tsource_url\n",
                "precise-and-multiple-ingredients.tsv",
                "rxcui\ttty\tname\tingredients\tsource\tsource_url\n",
                "drug-classes.tsv",
                "class_id\tclass_name\tmember_rxcui\tsource\tsource_url\n"
                        + "fixture-class\tfixture class\t1\ttest fixture\t\n"
                        + "fixture-class\tfixture class\t2\ttest fixture\t\n",
                "interactions.tsv",
                "id\ttitle\tleft\tright\tseverity\tinterruptive\tmechanism\tclinical_effect\tmanagement"
                        + "\tsource\tsource_url\n",
                "duplicate-therapy.tsv",
                "id\tlabel\tmembers\twith\tsource\tsource_url\n")));
    }

    /** One table given as text, UTF-8 encoded. */
    public static Map<String, byte[]> table(String file, String text) {
        Map<String, byte[]> tables = new HashMap<>();
        tables.put(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return tables;
    }
}
