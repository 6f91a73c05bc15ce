package rasad.kernel.referencedata;

import rasad.kernel.validation.InvalidValueException;

/** A name as users read it: Persian always, English where one is used. */
public record LocalizedName(String fa, String en) {

    static final int MAX_LENGTH = 200;

    public LocalizedName {
        fa = InvalidValueException.requiredText(fa, "Persian name").strip();
        en = en == null || en.isBlank() ? null : en.strip();
        if (fa.length() > MAX_LENGTH || (en != null && en.length() > MAX_LENGTH)) {
            throw new InvalidValueException("NAME_TOO_LONG", "a name has at most " + MAX_LENGTH + " characters");
        }
    }
}
