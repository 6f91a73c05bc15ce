package rasad.kernel.staff;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import rasad.kernel.referencedata.ReferenceCode;

/** A member of staff by the name they sign in with, e.g. {@code inspector-marand}. */
public record StaffId(String name) {

    public StaffId {
        name = ReferenceCode.checkCode(name, "staff member");
    }

    @JsonCreator
    public static StaffId of(String name) {
        return new StaffId(name);
    }

    @JsonValue
    @Override
    public String name() {
        return name;
    }

    /** Axon routes commands to the member by this string, apart from every other kind of case. */
    public String aggregateId() {
        return "staff/" + name;
    }

    @Override
    public String toString() {
        return name;
    }
}
