package rasad.kernel.operations;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The client's id of a read-model rebuild request. Its stream in the store is {@code read-model-rebuild/<id>}. */
public record RebuildId(String value) {

    public RebuildId {
        OperatorActionId.check(value, "rebuild id");
    }

    @JsonCreator
    public static RebuildId of(String value) {
        return new RebuildId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Axon routes the command by this string: a stream of its own, whatever other aggregates are named. */
    @Override
    public String toString() {
        return "read-model-rebuild/" + value;
    }
}
