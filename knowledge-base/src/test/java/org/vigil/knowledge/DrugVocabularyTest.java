package org.vigil.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrugVocabularyTest {

    private static final int SIMVASTATIN = 36567;
    private static final int LOVASTATIN = 6472;
    private static final int PRAVASTATIN = 42463;
    private static final int VORICONAZOLE = 121243;
    private static final int HYDROCODONE = 5489;
    private static final int ACETAMINOPHEN = 161;
    private static final int PENICILLIN_G = 7980;
    private static final int NAPROXEN = 7258;
    private static final int TRIAMCINOLONE = 10759;

    private final DrugVocabulary drugs = KnowledgeSnapshot.bundled().drugs();

    private static List<Integer> rxcuis(RecognizedMedication medication) {
        return medication.ingredients().stream().map(Ingredient::rxcui).toList();
    }

    @Test
    void recognisesAnIngredientCode() {
        RecognizedMedication medication = drugs.recognize(" 36567 ", "whatever the EHR shows", null);

        assertThat(medication.method()).isEqualTo(RecognitionMethod.INGREDIENT_CODE);
        assertThat(rxcuis(medication)).containsExactly(SIMVASTATIN);
        assertThat(medication.components().get(0).strength()).isNull();
        assertThat(medication.doseForm()).isNull();
        assertThat(medication.recognized()).isTrue();
    }

    @Test
    void aPreciseIngredientCodeIsFoldedToItsIngredient() {
        RecognizedMedication medication = drugs.recognize("142442", null, null);

        assertThat(medication.method()).isEqualTo(RecognitionMethod.PRECISE_INGREDIENT_CODE);
        assertThat(rxcuis(medication)).containsExactly(NAPROXEN);
        assertThat(medication.components().get(0).strength()).isNull();
        assertThat(drugs.ingredientConcept(142442).orElseThrow().name()).isEqualTo("Naproxen sodium");
    }

    @Test
    void aMultipleIngredientCodeStandsForEachOfItsIngredients() {
        RecognizedMedication medication = drugs.recognize("1008561", "Acetaminophen / Naproxen", null);

        assertThat(medication.method()).isEqualTo(RecognitionMethod.MULTIPLE_INGREDIENT_CODE);
        assertThat(rxcuis(medication)).containsExactlyInAnyOrder(ACETAMINOPHEN, NAPROXEN);
    }

    @Test
    void everyPreciseAndMultipleIngredientRowNamesItsOwnIngredients() {
        assertThat(drugs.ingredientConcepts()).hasSizeGreaterThanOrEqualTo(100);
        for (IngredientConcept concept : drugs.ingredientConcepts()) {
            for (String part : concept.name().split(" / ")) {
                assertThat(concept.ingredients())
                        .as("%s (%d)", concept.name(), concept.rxcui())
                        .contains(drugs.ingredientNamed(part).orElseThrow());
            }
        }
    }

    @Test
    void esterAndSaltWordsFoldInNormalFormNames() {
        RecognizedMedication medication =
                drugs.recognize(null, "Triamcinolone Acetonide 0.1 MG/MG Topical Cream", null);

        assertThat(medication.method()).isEqualTo(RecognitionMethod.NORMAL_FORM_NAME);
        assertThat(rxcuis(medication)).containsExactly(TRIAMCINOLONE);
    }

    @Test
    void recognisesAClinicalDrugCodeWithStrengthAndDoseForm() {
        RecognizedMedication medication = drugs.recognize("198211", null, null);

        assertThat(medication.method()).isEqualTo(RecognitionMethod.CLINICAL_DRUG_CODE);
        assertThat(rxcuis(medication)).containsExactly(SIMVASTATIN);
        Component component = medication.components().get(0);
        assertThat(component.strength()).isEqualByComparingTo("40");
        assertThat(component.unit()).isEqualTo("MG");
        assertThat(medication.doseForm()).isEqualTo("Oral Tablet");
    }

    @Test
    void recognisesABrandedCombinationCode() {
        RecognizedMedication medication = drugs.recognize("857001", null, null);

        assertThat(medication.method()).isEqualTo(RecognitionMethod.CLINICAL_DRUG_CODE);
        assertThat(rxcuis(medication)).containsExactly(ACETAMINOPHEN, HYDROCODONE);
    }

    @Test
    void aCodeTheTablesDoNotKnowFallsBackToTheDisplay() {
        RecognizedMedication medication = drugs.recognize("999999", "Simvastatin 40 MG Oral Tablet", null);

        assertThat(medication.method()).isEqualTo(RecognitionMethod.NORMAL_FORM_NAME);
        assertThat(rxcuis(medication)).containsExactly(SIMVASTATIN);
        assertThat(medication.components().get(0).strength()).isEqualByComparingTo("40");
        assertThat(medication.doseForm()).isEqualTo("Oral Tablet");
    }

    @Test
    void parsesACombinationNormalFormFoldingSalts() {
        RecognizedMedication medication =
                drugs.recognize(null, "Hydrocodone Bitartrate 10 MG / Acetaminophen 325 MG Oral Tablet", null);

        assertThat(medication.method()).isEqualTo(RecognitionMethod.NORMAL_FORM_NAME);
        assertThat(medication.components())
                .extracting(c -> c.ingredient().rxcui(), Component::strength, Component::unit)
                .containsExactly(
                        tuple(HYDROCODONE, new BigDecimal("10"), "MG"),
                        tuple(ACETAMINOPHEN, new BigDecimal("325"), "MG"));
        assertThat(medication.doseForm()).isEqualTo("Oral Tablet");
    }

    @Test
    void parsesQuantityPrefixBrandAndConcentrationUnits() {
        RecognizedMedication lovastatin =
                drugs.recognize(null, "24 HR Lovastatin 40 MG Extended Release Oral Tablet [Altoprev]", null);
        assertThat(rxcuis(lovastatin)).containsExactly(LOVASTATIN);
        assertThat(lovastatin.doseForm()).isEqualTo("Extended Release Oral Tablet");

        RecognizedMedication penicillin =
                drugs.recognize(null, "50 ML Penicillin G Potassium 60000 UNT/ML Injection", null);
        assertThat(penicillin.method()).isEqualTo(RecognitionMethod.NORMAL_FORM_NAME);
        assertThat(rxcuis(penicillin)).containsExactly(PENICILLIN_G);
        assertThat(penicillin.components().get(0).strength()).isEqualByComparingTo("60000");
        assertThat(penicillin.components().get(0).unit()).isEqualTo("UNT/ML");
        assertThat(penicillin.doseForm()).isEqualTo("Injection");
    }

    @Test
    void parsesTheTextFieldWhenThereIsNoDisplay() {
        RecognizedMedication medication = drugs.recognize(null, null, "Pravastatin Sodium 20 MG Oral Tablet");

        assertThat(medication.method()).isEqualTo(RecognitionMethod.NORMAL_FORM_NAME);
        assertThat(rxcuis(medication)).containsExactly(PRAVASTATIN);
    }

    @Test
    void findsIngredientNamesInFreeText() {
        RecognizedMedication medication = drugs.recognize(null, null, "simvastatin 20mg tab");

        assertThat(medication.method()).isEqualTo(RecognitionMethod.TEXT);
        assertThat(rxcuis(medication)).containsExactly(SIMVASTATIN);
        assertThat(medication.components().get(0).strength()).isNull();
        assertThat(medication.doseForm()).isNull();
    }

    @Test
    void findsSynonymsAndSeveralIngredientsInFreeText() {
        RecognizedMedication medication =
                drugs.recognize(null, "Paracetamol 500mg", "plus VORICONAZOLE (loading dose)");

        assertThat(medication.method()).isEqualTo(RecognitionMethod.TEXT);
        assertThat(rxcuis(medication)).containsExactly(ACETAMINOPHEN, VORICONAZOLE);
    }

    @Test
    void aCombinationWithAnUnknownIngredientIsNotPassedOffAsFullyParsed() {
        // Butalbital is not in the tables: the known half is still found, but only as TEXT.
        RecognizedMedication medication =
                drugs.recognize(null, "Acetaminophen 325 MG / Butalbital 50 MG Oral Tablet", null);

        assertThat(medication.method()).isEqualTo(RecognitionMethod.TEXT);
        assertThat(rxcuis(medication)).containsExactly(ACETAMINOPHEN);
    }

    @Test
    void matchesWholeWordsOnly() {
        assertThat(drugs.recognize(null, "simvastatinol 20 mg", null).method())
                .isEqualTo(RecognitionMethod.UNRECOGNIZED);
        assertThat(drugs.recognize(null, null, "presimvastatin").recognized()).isFalse();
    }

    @Test
    void reportsWhatItCannotRecogniseAsUnrecognized() {
        RecognizedMedication medication = drugs.recognize("abc", "Zocor 20", "take one tablet at night");

        assertThat(medication).isEqualTo(RecognizedMedication.unrecognized());
        assertThat(medication.method()).isEqualTo(RecognitionMethod.UNRECOGNIZED);
        assertThat(medication.components()).isEmpty();
        assertThat(medication.recognized()).isFalse();
        assertThat(drugs.recognize(null, null, null).recognized()).isFalse();
    }

    @Test
    void findsIngredientsByNameIgnoringCaseAndFoldingSalts() {
        assertThat(drugs.ingredientNamed("SIMVASTATIN")).map(Ingredient::rxcui).contains(SIMVASTATIN);
        assertThat(drugs.ingredientNamed("Hydrocodone Bitartrate"))
                .map(Ingredient::rxcui)
                .contains(HYDROCODONE);
        assertThat(drugs.ingredientNamed("Morphine hydrochloride"))
                .map(Ingredient::rxcui)
                .contains(7052);
        assertThat(drugs.ingredientNamed("Sodium")).isEmpty();
        assertThat(drugs.ingredientNamed("Unknownium Sulfate")).isEmpty();
        assertThat(drugs.ingredientNamed(null)).isEmpty();
    }

    @Test
    void keepsASaltedNameThatIsItselfAnIngredient() {
        DrugVocabulary fixture = TestTables.load(TestTables.valid()).drugs();

        assertThat(fixture.ingredientNamed("Potassium Chloride"))
                .map(Ingredient::rxcui)
                .contains(3);
        assertThat(fixture.ingredientNamed("Potassium Citrate"))
                .map(Ingredient::rxcui)
                .contains(4);
        assertThat(fixture.ingredientNamed("alphastatin sodium"))
                .map(Ingredient::rxcui)
                .contains(1);
    }

    @Test
    void expandsClasses() {
        assertThat(drugs.membersOf("statin-cyp3a4-substrate-onc11")).containsExactlyInAnyOrder(SIMVASTATIN, LOVASTATIN);
        assertThat(drugs.membersOf("strong-cyp3a4-inhibitor")).contains(VORICONAZOLE, 282446, 1306284);
        assertThat(drugs.membersOf("strong-cyp3a4-inhibitor")).doesNotContain(18631); // azithromycin
        assertThat(drugs.membersOf("no-such-class")).isEmpty();
        assertThat(drugs.classesOf(SIMVASTATIN)).containsExactlyInAnyOrder("statin-cyp3a4-substrate-onc11", "statin");
        assertThat(drugs.classesOf(VORICONAZOLE)).containsExactly("strong-cyp3a4-inhibitor");
        assertThat(drugs.classesOf(PRAVASTATIN)).containsExactly("statin");
        assertThat(drugs.classesOf(18631)).containsExactly("qt-prolonging"); // azithromycin: not a CYP3A4 inhibitor
    }

    @Test
    void everyListedClinicalDrugNameParsesToStrengthsAndADoseForm() {
        // Guards the parser against the real RxNorm names we ship; packs are the one exception.
        for (ClinicalDrug drug : drugs.clinicalDrugs()) {
            if (drug.name().startsWith("{")) {
                assertThat(drug.doseForm()).as(drug.name()).isNull();
                continue;
            }
            assertThat(drug.doseForm()).as(drug.name()).isNotBlank();
            assertThat(drug.components())
                    .as(drug.name())
                    .allSatisfy(c -> assertThat(c.strength()).isPositive());
        }
    }
}
