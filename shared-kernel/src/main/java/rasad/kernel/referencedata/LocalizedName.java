package rasad.kernel.referencedata;

import rasad.kernel.validation.InvalidValueException;

/** A name as users read it: Persian always, English where one is used. */
public record LocalizedName(String fa, String en) {

    static final int MAX_LENGTH = 200;

    public LocalizedName {
        fa = persian(fa);
        en = english(en);
    }

    public static String persian(String fa) {
        return withinLength(
                InvalidValueException.requiredText(fa, "Persian name").strip());
    }

    /** The English name, which may be left out. */
    public static String english(String en) {
        return en == null || en.isBlank() ? null : withinLength(en.strip());
    }

    private static String withinLength(String name) {
        if (name.length() > MAX_LENGTH) {
            throw new InvalidValueException("NAME_TOO_LONG", "a name has at most " + MAX_LENGTH + " characters");
        }
        return name;
    }
}
