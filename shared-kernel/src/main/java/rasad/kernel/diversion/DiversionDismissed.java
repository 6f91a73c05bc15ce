package rasad.kernel.diversion;

import org.axonframework.serialization.Revision;
import rasad.kernel.facility.FacilityId;

/** A manager dismissed the finding, and why. Revision 1. */
@Revision("1")
public record DiversionDismissed(String findingId, FacilityId facilityId, String reason) {}
