package rasad.kernel.facility;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The facility case ended. Revision 1. */
@Revision("1")
public record FacilityClosed(FacilityId facilityId, ClosureKind kind, LocalDate closedOn, String reason) {}
