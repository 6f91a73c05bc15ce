package rasad.kernel.alerts;

import org.axonframework.serialization.Revision;

/**
 * A manager concluded: a confirmed diversion (which starts the loan's recall decision) or a false alarm, and why.
 * Revision 1.
 */
@Revision("1")
public record AlertResolved(
        String alertId, int episode, AlertResolution resolution, String facilityId, String reason) {}
