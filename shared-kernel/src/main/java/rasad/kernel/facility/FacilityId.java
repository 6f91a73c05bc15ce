package rasad.kernel.facility;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import rasad.kernel.text.TypedText;
import rasad.kernel.validation.InvalidValueException;

/**
 * The client-chosen identity of a facility case. Chosen by the client, not by Rasad, so that a request
 * retried over a poor connection addresses the same case and creates nothing new.
 */
public record FacilityId(String value) {

    private static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

    public FacilityId {
        InvalidValueException.requiredText(value, "facility id");
        value = TypedText.id(value);
        if (!value.matches(PATTERN)) {
            throw new InvalidValueException(
                    "FACILITY_ID_FORMAT",
                    "a facility id is 1 to 64 letters, digits, '.', ':', '-' or '_', starting with a letter or digit");
        }
    }

    @JsonCreator
    public static FacilityId of(String value) {
        return new FacilityId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Axon routes a command to its aggregate by the identifier's string form. */
    @Override
    public String toString() {
        return value;
    }
}
