package org.vigil.knowledge.lab;

import java.util.Objects;

/**
 * One measured quantity, whatever LOINC code reports it: serum and whole-blood potassium are both
 * {@code potassium}. Every value of an analyte is converted to {@link #canonicalUnit()} before it is
 * compared with a limit.
 *
 * @param id stable lower-case id, e.g. {@code potassium}, {@code egfr}
 * @param name display name
 * @param kind laboratory result or vital sign
 * @param canonicalUnit UCUM code of the unit limits are expressed in, e.g. {@code mmol/L}
 */
public record Analyte(String id, String name, AnalyteKind kind, String canonicalUnit) {

    public Analyte {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(canonicalUnit, "canonicalUnit");
    }
}
