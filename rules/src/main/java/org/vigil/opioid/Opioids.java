package org.vigil.opioid;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.Ingredient;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.knowledge.dose.MmeFactor;
import org.vigil.rules.MedicationFact;
import org.vigil.rules.Remedy;

/**
 * What the opioid check asks of the knowledge and of the orders: which ingredients are opioids or
 * benzodiazepines (the {@code opioid} and {@code benzodiazepine} classes of {@code drug-classes.tsv},
 * the same classes DDI-202 uses), which orders are a naloxone rescue product, and the naloxone
 * suggestion itself.
 */
public final class Opioids {

    public static final String OPIOID_CLASS = "opioid";
    public static final String BENZODIAZEPINE_CLASS = "benzodiazepine";

    /** Naloxone, the ingredient (ingredients.tsv). */
    public static final int NALOXONE = 7242;

    /**
     * The rescue product suggested: RxNorm SCD 1725059 "naloxone hydrochloride 40 MG/ML Nasal Spray"
     * (the 4 mg per 0.1 mL nasal spray), listed in the CDC opioid CDS value set Naloxone medications
     * (http://fhir.org/guides/cdc/opioid-cds/ValueSet/naloxone-medications, RxNorm 2023-03 expansion,
     * cqframework/opioid-cds-r4). The service codes the suggested draft MedicationRequest with it.
     */
    public static final String NALOXONE_NASAL_SPRAY_RXCUI = "1725059";

    public static final String NALOXONE_NASAL_SPRAY = "naloxone hydrochloride 40 MG/ML Nasal Spray";

    /** CDC 2022 Recommendation 8, the ground of every naloxone suggestion. */
    public static final String RECOMMENDATION_8 = "CDC 2022 Recommendation 8: offer naloxone when the opioid dosage is"
            + " 50 MME/day or more, or with concurrent benzodiazepines";

    /** CDC 2022 Recommendation 11, cited by OPI-003. */
    public static final Citation RECOMMENDATION_11 = new Citation(
            "CDC Clinical Practice Guideline for Prescribing Opioids for Pain - United States, 2022 (Dowell D et al.,"
                    + " MMWR Recomm Rep 2022;71(3):1-95, PMID 36327391), Recommendation 11: use particular caution"
                    + " when prescribing opioid pain medication and benzodiazepines concurrently (the 2016 guideline,"
                    + " PMID 26987082, Recommendation 11: avoid concurrent prescribing whenever possible);"
                    + " Recommendation 8: offer naloxone",
            "https://www.cdc.gov/mmwr/volumes/71/rr/rr7103a1.htm");

    private Opioids() {}

    public static boolean isOpioid(KnowledgeSnapshot knowledge, Ingredient ingredient) {
        return knowledge.drugs().classesOf(ingredient.rxcui()).contains(OPIOID_CLASS)
                || hasAnyFactor(knowledge, ingredient);
    }

    public static boolean isBenzodiazepine(KnowledgeSnapshot knowledge, Ingredient ingredient) {
        return knowledge.drugs().classesOf(ingredient.rxcui()).contains(BENZODIAZEPINE_CLASS);
    }

    /** Whether the ingredient has an MME conversion factor for any route. */
    public static boolean hasAnyFactor(KnowledgeSnapshot knowledge, Ingredient ingredient) {
        for (MmeFactor row : knowledge.doses().mme().rows()) {
            if (row.rxcui() == ingredient.rxcui()) {
                return true;
            }
        }
        return false;
    }

    public static boolean containsOpioid(KnowledgeSnapshot knowledge, MedicationFact order) {
        for (Ingredient ingredient : order.ingredients()) {
            if (isOpioid(knowledge, ingredient)) {
                return true;
            }
        }
        return false;
    }

    public static boolean containsBenzodiazepine(KnowledgeSnapshot knowledge, MedicationFact order) {
        for (Ingredient ingredient : order.ingredients()) {
            if (isBenzodiazepine(knowledge, ingredient)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the order contains an opioid with an MME conversion factor (for some route). */
    public static boolean containsMmeOpioid(KnowledgeSnapshot knowledge, MedicationFact order) {
        for (Ingredient ingredient : order.ingredients()) {
            if (hasAnyFactor(knowledge, ingredient)) {
                return true;
            }
        }
        return false;
    }

    /** One of the two orders contains an opioid and the other a benzodiazepine. */
    public static boolean opioidWithBenzodiazepine(KnowledgeSnapshot knowledge, MedicationFact a, MedicationFact b) {
        return (containsOpioid(knowledge, a) && containsBenzodiazepine(knowledge, b))
                || (containsBenzodiazepine(knowledge, a) && containsOpioid(knowledge, b));
    }

    /**
     * A naloxone rescue product: contains naloxone and no opioid. Buprenorphine/naloxone and
     * pentazocine/naloxone contain naloxone only to deter misuse; they rescue no one.
     */
    public static boolean isNaloxoneRescue(KnowledgeSnapshot knowledge, MedicationFact order) {
        return order.contains(NALOXONE) && !containsOpioid(knowledge, order);
    }

    /** Whether any of the orders (drafts and active medications) is a naloxone rescue product. */
    public static boolean naloxoneOnHand(KnowledgeSnapshot knowledge, List<? extends MedicationFact> orders) {
        for (MedicationFact order : orders) {
            if (isNaloxoneRescue(knowledge, order)) {
                return true;
            }
        }
        return false;
    }

    public static Remedy.OrderMedication naloxone(String why) {
        return new Remedy.OrderMedication(
                NALOXONE_NASAL_SPRAY_RXCUI,
                NALOXONE_NASAL_SPRAY,
                "Naloxone 4 mg nasal spray to keep at hand for an opioid overdose: " + why + " (" + RECOMMENDATION_8
                        + ")");
    }

    /** A number as the card shows it: at most one decimal, no trailing zeros. */
    static String number(double value) {
        return BigDecimal.valueOf(value)
                .setScale(1, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
