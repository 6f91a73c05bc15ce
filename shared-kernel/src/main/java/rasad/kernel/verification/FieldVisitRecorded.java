package rasad.kernel.verification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.place.GeoPoint;

/** A field visit's findings. {@code deviceTime} is business time; the event's recordedAt is server time. Revision 1. */
@Revision("1")
public record FieldVisitRecorded(
        String visitId,
        FacilityId facilityId,
        Instant deviceTime,
        GeoPoint location,
        double accuracyMetres,
        boolean businessOperating,
        Map<String, Boolean> jobsSeen,
        boolean moneyUsedAsPlanned,
        List<String> photos,
        String notes) {

    public static FieldVisitRecorded from(RecordFieldVisit command) {
        return new FieldVisitRecorded(
                command.visitId(),
                command.facilityId(),
                command.deviceTime(),
                command.location(),
                command.accuracyMetres(),
                command.businessOperating(),
                command.jobsSeen(),
                command.moneyUsedAsPlanned(),
                command.photos(),
                command.notes());
    }
}
