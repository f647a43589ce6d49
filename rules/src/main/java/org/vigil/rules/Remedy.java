package org.vigil.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a card offers to do about a finding; the service turns each remedy into a CDS Hooks
 * suggestion with a real FHIR action on the client's record.
 */
public sealed interface Remedy {

    /** The button's label, in the clinic's words. */
    String label();

    /** Remove the draft order (a {@code delete} action on the draft MedicationRequest). */
    record RemoveOrder(MedicationRef order) implements Remedy {
        public RemoveOrder {
            Objects.requireNonNull(order, "order");
        }

        @Override
        public String label() {
            return "Remove " + order.display();
        }
    }

    /**
     * Keep the draft order but with a corrected dose per administration (an {@code update} of the
     * draft MedicationRequest whose first dosage instruction carries the new dose).
     */
    record ChangeDose(MedicationRef order, BigDecimal dose, String unit) implements Remedy {
        public ChangeDose {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(dose, "dose");
            Objects.requireNonNull(unit, "unit");
        }

        @Override
        public String label() {
            return "Change the dose of " + order.display() + " to "
                    + dose.stripTrailingZeros().toPlainString() + ' ' + unit;
        }
    }

    /**
     * Keep the draft order but dosed once weekly instead of daily (an {@code update} of the draft
     * MedicationRequest's timing).
     */
    record MakeWeekly(MedicationRef order) implements Remedy {
        public MakeWeekly {
            Objects.requireNonNull(order, "order");
        }

        @Override
        public String label() {
            return "Change " + order.display() + " to once weekly";
        }
    }

    /** Order a laboratory test by its LOINC code (a {@code create} of a draft ServiceRequest). */
    record OrderLab(String loinc, String testName, String reason) implements Remedy {
        public OrderLab {
            Objects.requireNonNull(loinc, "loinc");
            Objects.requireNonNull(testName, "testName");
        }

        @Override
        public String label() {
            return "Order " + testName;
        }
    }

    /**
     * Add a medication order (a {@code create} of a draft MedicationRequest coded in RxNorm), such as
     * naloxone to keep at hand with an opioid.
     */
    record OrderMedication(String rxcui, String display, String reason) implements Remedy {
        public OrderMedication {
            Objects.requireNonNull(rxcui, "rxcui");
            Objects.requireNonNull(display, "display");
        }

        @Override
        public String label() {
            return "Also order " + display;
        }
    }
}
