package rasad.kernel.people;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import rasad.kernel.validation.InvalidValueException;

/** A beneficiary's or employee's name as written on their documents, Persian or Latin script. */
public record PersonName(String value) {

    static final int MAX_LENGTH = 200;

    public PersonName {
        InvalidValueException.requiredText(value, "name");
        value = value.strip();
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("NAME_TOO_LONG", "a name has at most " + MAX_LENGTH + " characters");
        }
    }

    @JsonCreator
    public static PersonName of(String value) {
        return new PersonName(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }

    /** Initials only (م… ا…): the name as a log line or an operator's message may show it. */
    public String initials() {
        return PersonalData.initials(value);
    }
}
