package rasad.kernel.staff;

import org.axonframework.serialization.Revision;

/** A retired member of staff is back on the register, with the details registered again. Revision 1. */
@Revision("1")
public record StaffMemberReinstated(StaffId staffId) {}
