package rasad.kernel.referencedata;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The code of a programme in Rasad's reference data. */
public record ProgrammeCode(String value) {

    public ProgrammeCode {
        value = ReferenceCode.checkCode(value, "programme");
    }

    @JsonCreator
    public static ProgrammeCode of(String value) {
        return new ProgrammeCode(value);
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
}
