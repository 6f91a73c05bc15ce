package rasad.kernel.staff;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import rasad.kernel.validation.InvalidValueException;

/**
 * A password as Rasad keeps it: a one-way bcrypt hash in the {@code {bcrypt}…} form the identity provider reads,
 * never the password. Shown masked, so that no log line carries even the hash.
 */
public record PasswordHash(String value) {

    private static final String BCRYPT = "{bcrypt}$2";

    public PasswordHash {
        value = InvalidValueException.requiredText(value, "password hash");
        if (!value.startsWith(BCRYPT)) {
            throw new InvalidValueException("PASSWORD_HASH_UNKNOWN", "a password is kept only as a {bcrypt} hash");
        }
    }

    @JsonCreator
    public static PasswordHash of(String value) {
        return new PasswordHash(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return "{bcrypt}…";
    }
}
