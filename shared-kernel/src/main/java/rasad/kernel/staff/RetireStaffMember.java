package rasad.kernel.staff;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.validation.InvalidValueException;

/** An administrator retires a member of staff: no new work may be given to them, their records stay theirs. */
public record RetireStaffMember(StaffId staffId, String reason) {

    public RetireStaffMember {
        InvalidValueException.required(staffId, "staff member");
        reason = InvalidValueException.requiredText(reason, "reason").strip();
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return staffId.aggregateId();
    }
}
