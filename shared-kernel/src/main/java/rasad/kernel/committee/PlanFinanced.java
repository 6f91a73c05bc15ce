package rasad.kernel.committee;

import org.axonframework.serialization.Revision;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.money.Rials;

/** An approved plan is financed by a facility, within its approved amount. Revision 1. */
@Revision("1")
public record PlanFinanced(String planId, FacilityId facilityId, Rials amount) {}
