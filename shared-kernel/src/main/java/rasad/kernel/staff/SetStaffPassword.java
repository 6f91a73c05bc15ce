package rasad.kernel.staff;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.validation.InvalidValueException;

/**
 * An administrator sets a member's password, as when they first join or have forgotten it: the hash only, made
 * where the password arrived. The member signs in with it at the identity provider.
 */
public record SetStaffPassword(StaffId staffId, PasswordHash passwordHash) {

    public SetStaffPassword {
        InvalidValueException.required(staffId, "staff member");
        InvalidValueException.required(passwordHash, "password");
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return staffId.aggregateId();
    }
}
