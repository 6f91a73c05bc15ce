package rasad.kernel.referencedata;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The code of a agency in Rasad's reference data. */
public record AgencyCode(String value) {

    public AgencyCode {
        value = ReferenceCode.checkCode(value, "agency");
    }

    @JsonCreator
    public static AgencyCode of(String value) {
        return new AgencyCode(value);
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
