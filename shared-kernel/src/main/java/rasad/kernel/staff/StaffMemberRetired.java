package rasad.kernel.staff;

import org.axonframework.serialization.Revision;

/** A member of staff left the register, and why. Revision 1. */
@Revision("1")
public record StaffMemberRetired(StaffId staffId, String reason) {}
