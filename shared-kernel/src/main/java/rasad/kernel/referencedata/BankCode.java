package rasad.kernel.referencedata;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The code of a bank in Rasad's reference data. */
public record BankCode(String value) {

    public BankCode {
        value = ReferenceCode.checkCode(value, "bank");
    }

    @JsonCreator
    public static BankCode of(String value) {
        return new BankCode(value);
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
