package rasad.kernel.diversion;

import org.axonframework.serialization.Revision;
import rasad.kernel.facility.FacilityId;

/** A manager confirmed the diversion: the facility's recall is requested. Revision 1. */
@Revision("1")
public record DiversionConfirmed(String findingId, FacilityId facilityId, String reason) {}
