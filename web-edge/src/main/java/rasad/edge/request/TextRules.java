package rasad.edge.request;

import rasad.kernel.validation.InvalidValueException;

/**
 * The rule for text in a request. Refused: control characters other than tab and line breaks (a NUL, an
 * escape), unpaired surrogates, and the bidirectional embedding, override and isolate controls (U+202A–U+202E,
 * U+2066–U+2069), which make a line in an audit trail read otherwise than it is stored. Kept: every letter,
 * the zero-width non-joiner that Persian spelling needs, and the left-to-right and right-to-left marks.
 * Ids and codes have narrower rules of their own (letters, digits and a few separators).
 */
public final class TextRules {

    /** A field that says nothing else: long enough for any name, address or note people write. */
    public static final int DEFAULT_MAX_LENGTH = 2000;

    private TextRules() {}

    public static String check(String text, int maxLength) {
        if (text.length() > maxLength) {
            throw new InvalidValueException("TEXT_TOO_LONG", "at most " + maxLength + " characters here");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                throw new InvalidValueException(
                        "CONTROL_CHARACTER", String.format("control character U+%04X is not text", (int) c));
            }
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                throw new InvalidValueException(
                        "BIDI_CONTROL",
                        String.format(
                                "bidirectional control U+%04X would make this read otherwise than it is stored",
                                (int) c));
            }
            if (Character.isHighSurrogate(c)
                            && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                throw new InvalidValueException("BROKEN_CHARACTER", "half a character (an unpaired surrogate)");
            }
        }
        return text;
    }
}
