package org.vigil.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.Component;
import org.vigil.knowledge.Ingredient;
import org.vigil.knowledge.RecognitionMethod;
import org.vigil.knowledge.RecognizedMedication;

/** How much of an ingredient an order gives, from the dose as written and the product's strength. */
class DosageTest {

    private static final Citation SOURCE = new Citation("RxNorm", null);
    private static final Ingredient HYDROCODONE = new Ingredient(5489, "hydrocodone", SOURCE);
    private static final Ingredient ACETAMINOPHEN = new Ingredient(161, "acetaminophen", SOURCE);
    private static final RecognizedMedication NORCO = new RecognizedMedication(
            List.of(
                    new Component(HYDROCODONE, new BigDecimal("10"), "MG"),
                    new Component(ACETAMINOPHEN, new BigDecimal("325"), "MG")),
            "Oral Tablet",
            RecognitionMethod.CLINICAL_DRUG_CODE);
    private static final RecognizedMedication SOLUTION = new RecognizedMedication(
            List.of(new Component(ACETAMINOPHEN, new BigDecimal("32"), "MG/ML")),
            "Oral Solution",
            RecognitionMethod.CLINICAL_DRUG_CODE);
    private static final RecognizedMedication ACETAMINOPHEN_BY_NAME =
            new RecognizedMedication(List.of(Component.of(ACETAMINOPHEN)), null, RecognitionMethod.TEXT);

    private static Dosage dose(String amount, String unit, double perDay) {
        return new Dosage(new BigDecimal(amount), unit, perDay, 1.0, "oral", null, null, false);
    }

    @Test
    void tabletsOfACombinationProductGiveEachIngredientByItsStrength() {
        Dosage twoTabletsFourTimesADay = dose("2", "tablet", 4);

        assertThat(twoTabletsFourTimesADay.singleDoseMg(NORCO, ACETAMINOPHEN)).hasValue(650.0);
        assertThat(twoTabletsFourTimesADay.dailyDoseMg(NORCO, ACETAMINOPHEN)).hasValue(2600.0);
        assertThat(twoTabletsFourTimesADay.dailyDoseMg(NORCO, HYDROCODONE)).hasValue(80.0);
    }

    @Test
    void millilitresOfASolutionAreConvertedWithItsConcentration() {
        assertThat(dose("15", "ml", 4).singleDoseMg(SOLUTION, ACETAMINOPHEN)).hasValue(480.0);
    }

    @Test
    void aMassDoseOfASingleIngredientIsTakenAsWrittenInMilligrams() {
        assertThat(dose("1", "g", 4).singleDoseMg(ACETAMINOPHEN_BY_NAME, ACETAMINOPHEN))
                .hasValue(1000.0);
    }

    @Test
    void whatCannotBeKnownStaysUnknownRatherThanGuessed() {
        assertThat(dose("500", "mg", 4).singleDoseMg(NORCO, ACETAMINOPHEN))
                .as("a mass dose of a combination product does not say which ingredient it counts")
                .isEmpty();
        assertThat(dose("2", "tablet", 4).singleDoseMg(ACETAMINOPHEN_BY_NAME, ACETAMINOPHEN))
                .as("tablets of a product whose strength is unknown")
                .isEmpty();
        assertThat(new Dosage(new BigDecimal("2"), "tablet", Double.NaN, Double.NaN, null, null, null, false)
                        .dailyDoseMg(NORCO, ACETAMINOPHEN))
                .as("no frequency, no daily dose")
                .isEmpty();
    }
}
