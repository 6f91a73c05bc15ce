package rasad.kernel.staff;

import org.axonframework.serialization.Revision;

/**
 * A member's password was set (the reason, in the metadata, says why: joining, a forgotten password); the
 * event keeps its bcrypt hash, never the password. Revision 1.
 */
@Revision("1")
public record StaffPasswordSet(StaffId staffId, PasswordHash passwordHash) {}
