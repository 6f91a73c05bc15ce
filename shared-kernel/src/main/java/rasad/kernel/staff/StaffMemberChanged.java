package rasad.kernel.staff;

import org.axonframework.serialization.Revision;
import rasad.kernel.audit.Role;
import rasad.kernel.people.PersonName;

/** A member's name, role or scope changed: the whole new record, so a reader needs no earlier event. Revision 1. */
@Revision("1")
public record StaffMemberChanged(StaffId staffId, PersonName displayName, Role role, StaffScope scope) {}
