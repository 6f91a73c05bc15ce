package rasad.kernel.job;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.people.NationalId;

/** A job was registered under a facility and is counted for its person. Revision 1. */
@Revision("1")
public record JobRegistered(
        NationalId person,
        JobId jobId,
        FacilityId facilityId,
        String occupation,
        LocalDate startedOn,
        boolean fullTime,
        int seasonalMonths,
        String insuranceNumber) {

    public static JobRegistered from(RegisterJob command) {
        return new JobRegistered(
                command.person(),
                command.jobId(),
                command.facilityId(),
                command.occupation(),
                command.startedOn(),
                command.fullTime(),
                command.seasonalMonths(),
                command.insuranceNumber());
    }
}
