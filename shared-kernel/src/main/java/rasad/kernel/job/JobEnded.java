package rasad.kernel.job;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.people.NationalId;

/** A job ended. Revision 1. */
@Revision("1")
public record JobEnded(NationalId person, JobId jobId, FacilityId facilityId, LocalDate endedOn, String reason) {}
