package rasad.kernel.job;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.people.NationalId;

/** A follow-up's outcome. Revision 1. */
@Revision("1")
public record FollowUpRecorded(
        NationalId person,
        JobId jobId,
        FacilityId facilityId,
        String horizon,
        FollowUpOutcome outcome,
        LocalDate endedOn) {}
