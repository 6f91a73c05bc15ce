package rasad.kernel.facility;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import rasad.kernel.referencedata.ReferenceCode;

/** The bank's own id of a disbursement tranche, so that a retried payment record is recognised as the same. */
public record TrancheId(String value) {

    public TrancheId {
        value = ReferenceCode.checkCode(value, "tranche");
    }

    @JsonCreator
    public static TrancheId of(String value) {
        return new TrancheId(value);
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
