package rasad.kernel.diversion;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import rasad.kernel.facility.FacilityId;

/** A possible diversion was recorded, awaiting a manager's decision. Revision 1. */
@Revision("1")
public record DiversionFindingRecorded(
        String findingId, FacilityId facilityId, LocalDate observedOn, String finding, List<String> evidence) {

    public static DiversionFindingRecorded from(RecordDiversionFinding command) {
        return new DiversionFindingRecorded(
                command.findingId(), command.facilityId(), command.observedOn(), command.finding(), command.evidence());
    }
}
