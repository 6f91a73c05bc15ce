package rasad.query.staff;

import java.time.Instant;

/** A member of the staff register as it stands: who they are, their role and scope, and since when. */
public record StaffView(
        String staffId,
        String displayName,
        String role,
        String county,
        String bank,
        String agency,
        boolean active,
        String retirementReason,
        Instant registeredAt,
        Instant changedAt) {}
