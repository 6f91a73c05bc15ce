package rasad.kernel.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import rasad.kernel.referencedata.ReferenceCode;

/** The client-chosen id of a registered job, so that a retried registration is recognised. */
public record JobId(String value) {

    public JobId {
        value = ReferenceCode.checkCode(value, "job");
    }

    @JsonCreator
    public static JobId of(String value) {
        return new JobId(value);
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
