package rasad.command.job;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a job is followed up for sustainability. No official definition exists: the horizons after the job's
 * start (default about 6 and 12 months) and the time the agency has to answer are configuration.
 */
@Component
public class FollowUpPolicy {

    private final List<Duration> horizons;
    private final Duration grace;

    public FollowUpPolicy(@Value("${rasad.follow-up.horizons:P182D,P365D}") List<Duration> horizons,
                          @Value("${rasad.follow-up.grace:P30D}") Duration grace) {
        this.horizons = List.copyOf(horizons);
        this.grace = grace;
    }

    List<Duration> horizons() {
        return horizons;
    }

    Instant dueAt(LocalDate startedOn, Duration horizon) {
        return startedOn.atStartOfDay().toInstant(ZoneOffset.UTC).plus(horizon);
    }

    Duration grace() {
        return grace;
    }
}
