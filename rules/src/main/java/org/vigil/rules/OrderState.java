package org.vigil.rules;

/** Where a medication stands in the patient's care. */
public enum OrderState {
    /** Being ordered now: in the hook's {@code draftOrders}. */
    DRAFT,
    /** Already prescribed and active in the record. */
    ACTIVE;

    public String label() {
        return this == DRAFT ? "draft order" : "active medication";
    }
}
