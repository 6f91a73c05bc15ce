package rasad.query.alerts;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import rasad.kernel.alerts.Severity;

/** The open alerts of one facility, for its case view, as far as the signed-in reader may see alerts. */
@Component
public class FacilityAlerts {

    private final AlertReadModel readModel;
    private final Clock clock;

    FacilityAlerts(AlertReadModel readModel, Clock clock) {
        this.readModel = readModel;
        this.clock = clock;
    }

    /**
     * Most severe first, then the oldest; an inspector's only those assigned to them. {@code null} for a role
     * that may not read alerts, so that the case view leaves the field out rather than claim there are none.
     */
    public List<OpenAlert> openAlerts(String facilityId) {
        return AlertReader.current()
                .map(reader -> readModel.openOf(facilityId, clock.instant()).stream()
                        .filter(reader::maySee)
                        .sorted(Comparator.comparing((AlertEpisode episode) -> Severity.valueOf(episode.severity()))
                                .reversed()
                                .thenComparing(AlertEpisode::raisedAt))
                        .map(episode -> new OpenAlert(
                                episode.alertId(),
                                episode.episode(),
                                episode.rule(),
                                episode.severity(),
                                episode.status(),
                                episode.raisedAt(),
                                episode.explanation()))
                        .toList())
                .orElse(null);
    }
}
