package rasad.kernel.alerts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import rasad.kernel.operations.OperatorActionId;

/** The client's id of a change of an alert rule's parameters. Its stream in the store is {@code alert-rule-change/<id>}. */
public record ParameterChangeId(String value) {

    public ParameterChangeId {
        OperatorActionId.check(value, "change id");
    }

    @JsonCreator
    public static ParameterChangeId of(String value) {
        return new ParameterChangeId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Axon routes the command by this string: a stream of its own, whatever other aggregates are named. */
    @Override
    public String toString() {
        return "alert-rule-change/" + value;
    }
}
