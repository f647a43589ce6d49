package org.vigil.rules;

import java.util.List;
import org.vigil.knowledge.Ingredient;
import org.vigil.knowledge.RecognizedMedication;

/** What every medication fact offers the rules: an order (draft or active) and what it contains. */
public interface MedicationFact {

    /** Relative FHIR reference of the order, e.g. {@code MedicationRequest/abc}. */
    String reference();

    /** The medication as the prescriber named it. */
    String display();

    RecognizedMedication medication();

    /** Dose, frequency and route as prescribed. */
    Dosage dosage();

    /** Whether the prescriber is ordering it now (draft) or the patient already takes it (active). */
    OrderState state();

    default List<Ingredient> ingredients() {
        return medication().ingredients();
    }

    default boolean contains(int ingredientRxcui) {
        for (Ingredient ingredient : ingredients()) {
            if (ingredient.rxcui() == ingredientRxcui) {
                return true;
            }
        }
        return false;
    }

    default MedicationRef ref() {
        return new MedicationRef(reference(), display(), state());
    }
}
