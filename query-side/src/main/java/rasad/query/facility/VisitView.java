package rasad.query.facility;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A field visit as the case shows it: where the inspector stood and how sure the phone was, how far that is
 * from the registered workplace, what was found, each job seen or not, and the photos, readable at
 * {@code /api/evidence/{sha256}} by those allowed.
 */
public record VisitView(
        String visitId,
        Instant deviceTime,
        Instant recordedAt,
        String recordedBy,
        double latitude,
        double longitude,
        double accuracyMetres,
        Long metresFromWorkplace,
        boolean businessOperating,
        boolean moneyUsedAsPlanned,
        Map<String, Boolean> jobsSeen,
        List<Photo> photos,
        String notes) {

    public record Photo(String sha256, String href) {}
}
