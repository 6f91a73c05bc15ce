package rasad.kernel.verification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.place.GeoPoint;
import rasad.kernel.referencedata.ReferenceCode;
import rasad.kernel.validation.InvalidValueException;

/**
 * Stage 3 (نظارت میدانی): an inspector at the site records what they saw. The device's clock says when they
 * stood there (possibly offline, sent later); Rasad records when it arrived.
 *
 * @param jobsSeen           for each claimed job (job id), whether the person was seen working
 * @param photos             SHA-256 of each photo, stored before in the evidence store
 * @param accuracyMetres     the GPS fix's accuracy as the device reported it
 */
public record RecordFieldVisit(
        @TargetAggregateIdentifier String visitId,
        FacilityId facilityId,
        Instant deviceTime,
        GeoPoint location,
        double accuracyMetres,
        boolean businessOperating,
        Map<String, Boolean> jobsSeen,
        boolean moneyUsedAsPlanned,
        List<String> photos,
        String notes) {

    public RecordFieldVisit {
        visitId = ReferenceCode.checkCode(visitId, "visit");
        InvalidValueException.required(facilityId, "facility id");
        InvalidValueException.required(deviceTime, "device time");
        InvalidValueException.required(location, "location");
        if (accuracyMetres < 0 || Double.isNaN(accuracyMetres)) {
            throw new InvalidValueException("ACCURACY_NEGATIVE", "GPS accuracy is a distance in metres, 0 or more");
        }
        jobsSeen = jobsSeen == null ? Map.of() : Map.copyOf(jobsSeen);
        photos = photos == null ? List.of() : List.copyOf(photos);
        photos.forEach(photo -> EvidenceReference.check(photo, "a photo"));
        notes = notes == null || notes.isBlank() ? null : notes.strip();
    }
}
