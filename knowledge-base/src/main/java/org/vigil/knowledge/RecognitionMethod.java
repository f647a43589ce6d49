package org.vigil.knowledge;

/** How a medication was recognised, from most to least certain. */
public enum RecognitionMethod {
    /** The code is an RxNorm ingredient. */
    INGREDIENT_CODE,
    /** The code is an RxNorm precise ingredient (PIN, a salt or ester), folded to its ingredient. */
    PRECISE_INGREDIENT_CODE,
    /** The code is an RxNorm multiple-ingredient concept (MIN), standing for its ingredients. */
    MULTIPLE_INGREDIENT_CODE,
    /** The code is an RxNorm clinical or branded drug the knowledge base lists. */
    CLINICAL_DRUG_CODE,
    /** A substance code (SNOMED CT allergen) the allergen table maps to ingredients. */
    SUBSTANCE_CODE,
    /** The display (or text) parsed as an RxNorm normal-form name of known ingredients. */
    NORMAL_FORM_NAME,
    /** Known ingredient names or synonyms were found as whole words in the display or text. */
    TEXT,
    /** Nothing matched; the medication must still be reported, never dropped. */
    UNRECOGNIZED
}
