package rasad.kernel.referencedata;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The code of a county in Rasad's reference data. */
public record CountyCode(String value) {

    public CountyCode {
        value = ReferenceCode.checkCode(value, "county");
    }

    @JsonCreator
    public static CountyCode of(String value) {
        return new CountyCode(value);
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
