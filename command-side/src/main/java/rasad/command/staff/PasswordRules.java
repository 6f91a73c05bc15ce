package rasad.command.staff;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import rasad.kernel.staff.StaffId;
import rasad.kernel.validation.InvalidValueException;

/**
 * What a password must be before Rasad keeps its hash: long enough to resist guessing, short enough that bcrypt
 * reads all of it (it stops at 72 bytes), free of control characters and of the member's own sign-in name.
 */
final class PasswordRules {

    static final int MIN_CHARACTERS = 12;
    static final int MAX_BYTES = 72;

    private PasswordRules() {}

    static String checked(String password, StaffId member) {
        InvalidValueException.required(password, "password");
        if (password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
            throw new InvalidValueException(
                    "PASSWORD_TOO_SHORT", "a password has at least " + MIN_CHARACTERS + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidValueException(
                    "PASSWORD_TOO_LONG",
                    "a password has at most " + MAX_BYTES + " bytes in UTF-8 (bcrypt reads no further)");
        }
        if (password.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("PASSWORD_CONTROL_CHARACTER", "a password has no control characters");
        }
        if (member != null
                && password.toLowerCase(Locale.ROOT).contains(member.name().toLowerCase(Locale.ROOT))) {
            throw new InvalidValueException("PASSWORD_CONTAINS_NAME", "a password does not contain the sign-in name");
        }
        return password;
    }
}
