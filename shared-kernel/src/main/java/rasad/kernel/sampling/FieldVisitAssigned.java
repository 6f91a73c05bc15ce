package rasad.kernel.sampling;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import rasad.kernel.facility.FacilityId;

/** A plan's field visit was assigned to an inspector. Revision 1. */
@Revision("1")
public record FieldVisitAssigned(FacilityId facilityId, String sampleId, String inspector, LocalDate dueOn) {}
