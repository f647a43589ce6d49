package org.vigil.knowledge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.knowledge.age.AgeCriteria;
import org.vigil.knowledge.allergy.AllergyKnowledge;
import org.vigil.knowledge.condition.ConditionGroups;
import org.vigil.knowledge.disease.DrugDiseaseTable;
import org.vigil.knowledge.dose.DoseKnowledge;
import org.vigil.knowledge.druglab.DrugLabRules;
import org.vigil.knowledge.lab.LabCatalog;
import org.vigil.knowledge.monitoring.MonitoringRequirements;
import org.vigil.knowledge.renal.RenalThresholds;
import org.vigil.knowledge.risk.RiskKnowledge;

/**
 * One immutable, internally consistent version of all knowledge tables. A request holds one
 * snapshot from start to end; a new version is loaded aside and swapped in whole.
 */
public final class KnowledgeSnapshot {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeSnapshot.class);

    /**
     * Table file names, in load and version-hash order: the drug tables first (everything else
     * refers to ingredients), then labs, conditions and allergens.
     */
    public static final List<String> TABLES = tableOrder();

    private final String version;
    private final DrugVocabulary drugs;
    private final InteractionTable interactions;
    private final LabCatalog labs;
    private final ConditionGroups conditions;
    private final AllergyKnowledge allergies;
    private final DrugLabRules drugLabRules;
    private final MonitoringRequirements monitoring;
    private final DoseKnowledge doses;
    private final AgeCriteria ageCriteria;
    private final RenalThresholds renalThresholds;
    private final DrugDiseaseTable drugDisease;
    private final RiskKnowledge risk;

    private KnowledgeSnapshot(
            String version,
            DrugVocabulary drugs,
            InteractionTable interactions,
            LabCatalog labs,
            ConditionGroups conditions,
            AllergyKnowledge allergies,
            DrugLabRules drugLabRules,
            MonitoringRequirements monitoring,
            DoseKnowledge doses,
            AgeCriteria ageCriteria,
            RenalThresholds renalThresholds,
            DrugDiseaseTable drugDisease,
            RiskKnowledge risk) {
        this.version = Objects.requireNonNull(version, "version");
        this.drugs = Objects.requireNonNull(drugs, "drugs");
        this.interactions = Objects.requireNonNull(interactions, "interactions");
        this.labs = Objects.requireNonNull(labs, "labs");
        this.conditions = Objects.requireNonNull(conditions, "conditions");
        this.allergies = Objects.requireNonNull(allergies, "allergies");
        this.drugLabRules = Objects.requireNonNull(drugLabRules, "drugLabRules");
        this.monitoring = Objects.requireNonNull(monitoring, "monitoring");
        this.doses = Objects.requireNonNull(doses, "doses");
        this.ageCriteria = Objects.requireNonNull(ageCriteria, "ageCriteria");
        this.renalThresholds = Objects.requireNonNull(renalThresholds, "renalThresholds");
        this.drugDisease = Objects.requireNonNull(drugDisease, "drugDisease");
        this.risk = Objects.requireNonNull(risk, "risk");
    }

    private static List<String> tableOrder() {
        List<String> order = new ArrayList<>(KnowledgeLoader.TABLES);
        order.addAll(LabCatalog.FILES);
        order.addAll(ConditionGroups.FILES);
        order.addAll(AllergyKnowledge.FILES);
        order.addAll(DrugLabRules.FILES);
        order.addAll(MonitoringRequirements.FILES);
        order.addAll(DoseKnowledge.FILES);
        order.addAll(AgeCriteria.FILES);
        order.addAll(RenalThresholds.FILES);
        order.addAll(DrugDiseaseTable.FILES);
        order.addAll(RiskKnowledge.FILES);
        return List.copyOf(order);
    }

    private static volatile KnowledgeSnapshot bundled;

    /**
     * The tables bundled in this jar, loaded on first use and then shared. A load failure is thrown
     * as the {@link KnowledgeLoadException} itself (and retried on the next call), not hidden in a
     * class-initialisation error.
     */
    public static KnowledgeSnapshot bundled() {
        KnowledgeSnapshot snapshot = bundled;
        if (snapshot == null) {
            synchronized (KnowledgeSnapshot.class) {
                snapshot = bundled;
                if (snapshot == null) {
                    snapshot = load(KnowledgeSource.classpath());
                    bundled = snapshot;
                }
            }
        }
        return snapshot;
    }

    /**
     * Loads and validates every table from the source.
     *
     * @throws KnowledgeLoadException naming the file and line of the first problem found
     */
    public static KnowledgeSnapshot load(KnowledgeSource source) {
        long started = System.nanoTime();
        Map<String, byte[]> tables = source.readAll(TABLES);
        KnowledgeLoader.DrugTables drugTables = KnowledgeLoader.load(tables);
        DrugVocabulary drugs = drugTables.drugs();
        LabCatalog labs = LabCatalog.parse(tables);
        ConditionGroups conditions = ConditionGroups.parse(tables.get(ConditionGroups.CONDITION_GROUPS));
        Set<String> analyteIds = new HashSet<>();
        labs.analytes().forEach(analyte -> analyteIds.add(analyte.id()));
        KnowledgeSnapshot snapshot = new KnowledgeSnapshot(
                version(tables),
                drugs,
                drugTables.interactions(),
                labs,
                conditions,
                AllergyKnowledge.load(tables, drugs),
                DrugLabRules.parse(tables, drugs, labs),
                MonitoringRequirements.parse(tables, drugs, labs),
                DoseKnowledge.parse(tables, drugs),
                AgeCriteria.parse(tables, drugs),
                RenalThresholds.parse(tables, drugs, analyteIds),
                DrugDiseaseTable.parse(tables, drugs, conditions.groupIds()),
                RiskKnowledge.parse(tables, analyteIds));
        log.info(
                "Loaded knowledge {} from {} in {} ms: {} ingredients, {} clinical drugs, {} interactions ({} pairs),"
                        + " {} lab analytes, {} condition groups, {} cross-sensitivity groups",
                snapshot.version,
                source.describe(),
                (System.nanoTime() - started) / 1_000_000,
                snapshot.drugs.ingredients().size(),
                snapshot.drugs.clinicalDrugs().size(),
                snapshot.interactions.size(),
                snapshot.interactions.pairCount(),
                snapshot.labs.analytes().size(),
                snapshot.conditions.groupIds().size(),
                snapshot.allergies.groups().size());
        return snapshot;
    }

    /**
     * First 12 hex digits of SHA-256 over each table's name, length and bytes in {@link #TABLES}
     * order: equal content gives an equal version on every instance, any edit a different one.
     */
    static String version(Map<String, byte[]> tables) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
        for (String table : TABLES) {
            byte[] bytes = tables.get(table);
            sha256.update(table.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(longBytes(bytes.length));
            sha256.update(bytes);
        }
        return HexFormat.of().formatHex(sha256.digest()).substring(0, 12);
    }

    private static byte[] longBytes(long value) {
        byte[] bytes = new byte[8];
        for (int i = 7; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>>= 8;
        }
        return bytes;
    }

    /** Content-derived version, 12 lower-case hex digits. */
    public String version() {
        return version;
    }

    public DrugVocabulary drugs() {
        return drugs;
    }

    public InteractionTable interactions() {
        return interactions;
    }

    /** Laboratory and vital-sign analytes, unit conversions, reference and critical limits. */
    public LabCatalog labs() {
        return labs;
    }

    /** SNOMED CT and ICD-10-CM codes grouped into the conditions the checks reason about. */
    public ConditionGroups conditions() {
        return conditions;
    }

    /** Drugs that need a lab value within limits (warfarin and INR, digoxin and potassium, ...). */
    public DrugLabRules drugLabRules() {
        return drugLabRules;
    }

    /** Dose limits and frequency rules, route constraints, opioid MME factors and thresholds. */
    public DoseKnowledge doses() {
        return doses;
    }

    /** Older-adult cautions and pediatric contraindications by age. */
    public AgeCriteria ageCriteria() {
        return ageCriteria;
    }

    /** eGFR and creatinine clearance below which a drug is avoided or its dose reduced. */
    public RenalThresholds renalThresholds() {
        return renalThresholds;
    }

    /** Drugs contraindicated or to be used with care in a condition group. */
    public DrugDiseaseTable drugDisease() {
        return drugDisease;
    }

    /** Bands of the bedside risk scores (qSOFA, NEWS2) and thresholds of the patient-view risk flags. */
    public RiskKnowledge risk() {
        return risk;
    }

    /** Labs a drug needs on record (INR for warfarin, levels for aminoglycosides, ...). */
    public MonitoringRequirements monitoring() {
        return monitoring;
    }

    /** SNOMED CT allergen codes and cross-sensitivity groups. */
    public AllergyKnowledge allergies() {
        return allergies;
    }

    @Override
    public String toString() {
        return "KnowledgeSnapshot[" + version + "]";
    }
}
