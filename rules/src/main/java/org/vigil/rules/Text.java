package org.vigil.rules;

/** Small text helpers for findings' wording. */
public final class Text {

    private Text() {}

    public static String capitalize(String text) {
        return text == null || text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
