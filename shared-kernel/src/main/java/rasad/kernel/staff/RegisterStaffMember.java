package rasad.kernel.staff;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.audit.Role;
import rasad.kernel.people.PersonName;
import rasad.kernel.validation.InvalidValueException;

/**
 * An administrator registers a member of staff, or sets again who they are: their name, role and scope. The same
 * details again change nothing; other details are a change, recorded as such; a retired member is reinstated.
 */
public record RegisterStaffMember(StaffId staffId, PersonName displayName, Role role, StaffScope scope) {

    public RegisterStaffMember {
        InvalidValueException.required(staffId, "staff member");
        InvalidValueException.required(displayName, "display name");
        InvalidValueException.required(role, "role");
        scope = (scope == null ? StaffScope.PROVINCE : scope).checkedFor(role);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return staffId.aggregateId();
    }
}
