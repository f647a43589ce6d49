package org.vigil.knowledge.lab;

import java.util.regex.Pattern;

/** LOINC codes as tables write them: digits, a hyphen, and a mod-10 check digit. */
public final class Loinc {

    private static final Pattern FORM = Pattern.compile("[0-9]{1,7}-[0-9]");

    private Loinc() {}

    /** Digits, a hyphen and one digit; says nothing of the check digit. */
    public static boolean hasForm(String code) {
        return code != null && FORM.matcher(code).matches();
    }

    /** The check digit LOINC's mod-10 (Luhn) scheme gives for the digits before the hyphen. */
    public static int checkDigit(String digits) {
        int sum = 0;
        boolean doubled = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }

    /** Well formed, with the right check digit. */
    public static boolean isValid(String code) {
        if (!hasForm(code)) {
            return false;
        }
        int dash = code.indexOf('-');
        return checkDigit(code.substring(0, dash)) == code.charAt(dash + 1) - '0';
    }
}
