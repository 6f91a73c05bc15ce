package rasad.kernel.text;

/**
 * Values as people type them on Persian keyboards and phones: Persian (۰–۹) and Arabic-Indic (٠–٩) digits are
 * the same digits as 0–9, so ids, numbers and dates are read with Latin digits before their rules are checked.
 * Free text keeps what was typed.
 */
public final class TypedText {

    private TypedText() {}

    /** The text with every Persian and Arabic-Indic digit as its Latin digit; null stays null. */
    public static String latinDigits(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder latin = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char digit = c >= '\u06F0' && c <= '\u06F9'
                    ? (char) ('0' + c - '\u06F0')
                    : c >= '\u0660' && c <= '\u0669' ? (char) ('0' + c - '\u0660') : c;
            if (digit != c && latin == null) {
                latin = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (latin != null) {
                latin.append(digit);
            }
        }
        return latin == null ? text : latin.toString();
    }

    /** An id or code as typed: surrounding spaces dropped, digits Latin. */
    public static String id(String typed) {
        return typed == null ? null : latinDigits(typed.strip());
    }

    /** Only the digits of a number people write in groups ({@code 0499-370-899}, {@code 0912 345 6789}). */
    public static String withoutGrouping(String typed) {
        if (typed == null) {
            return null;
        }
        return latinDigits(typed.strip()).replaceAll("[\\s\\u00A0\\u200C\\-‐‑–—()]", "");
    }
}
