package rasad.command.job;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import rasad.kernel.validation.InvalidValueException;

/**
 * When a job is followed up for sustainability. No official definition exists: the horizons after the job's
 * start (default about 6 and 12 months) and the time the agency has to answer are configuration.
 */
@Component
public class FollowUpPolicy {

    private final List<Duration> horizons;
    private final Duration grace;

    public FollowUpPolicy(
            @Value("${rasad.follow-up.horizons:P182D,P365D}") List<Duration> horizons,
            @Value("${rasad.follow-up.grace:P30D}") Duration grace) {
        this.horizons = List.copyOf(horizons);
        this.grace = grace;
    }

    List<Duration> horizons() {
        return horizons;
    }

    /**
     * A horizon a follow-up names, in the form the FollowUpRequested event writes it: one of those configured,
     * in any ISO-8601 spelling of the same duration ({@code P182D} is {@code PT4368H}).
     */
    String horizon(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new InvalidValueException("REQUIRED", "horizon is required");
        }
        Duration asked;
        try {
            asked = Duration.parse(typed.strip());
        } catch (DateTimeParseException notADuration) {
            throw new InvalidValueException("HORIZON_UNKNOWN", "a horizon is one of " + horizons);
        }
        if (!horizons.contains(asked)) {
            throw new InvalidValueException("HORIZON_UNKNOWN", "a horizon is one of " + horizons);
        }
        return asked.toString();
    }

    Instant dueAt(LocalDate startedOn, Duration horizon) {
        return startedOn.atStartOfDay().toInstant(ZoneOffset.UTC).plus(horizon);
    }

    Duration grace() {
        return grace;
    }
}
