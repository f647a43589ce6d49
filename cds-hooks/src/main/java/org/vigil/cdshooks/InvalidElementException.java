package org.vigil.cdshooks;

/**
 * Thrown by the wire records when a value would break the CDS Hooks specification. It names the
 * offending element relative to the record (for example {@code summary} or {@code
 * overrideReasons[1].display}) so the codec can report a full path such as {@code
 * cards[0].summary}. Messages describe the rule, never the value, because values may carry patient
 * data.
 */
public final class InvalidElementException extends IllegalArgumentException {

    private final String element;

    public InvalidElementException(String element, String message) {
        super(element + ": " + message);
        this.element = element;
    }

    /** Path of the offending element relative to the record that rejected it. */
    public String element() {
        return element;
    }

    /** The rule that was broken, without the element path. */
    public String rule() {
        return getMessage().substring(element.length() + 2);
    }
}
