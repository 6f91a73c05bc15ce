package rasad.kernel.staff;

import org.axonframework.serialization.Revision;
import rasad.kernel.audit.Role;
import rasad.kernel.people.PersonName;

/** A member of staff is on the register, in a role and a scope. Revision 1. */
@Revision("1")
public record StaffMemberRegistered(StaffId staffId, PersonName displayName, Role role, StaffScope scope) {

    public static StaffMemberRegistered from(RegisterStaffMember command) {
        return new StaffMemberRegistered(command.staffId(), command.displayName(), command.role(), command.scope());
    }
}
