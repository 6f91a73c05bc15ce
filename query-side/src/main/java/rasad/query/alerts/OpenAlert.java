package rasad.query.alerts;

import java.time.Instant;

/** An open alert episode as a facility's case shows it; {@code GET /api/alerts/{alertId}} tells the rest. */
public record OpenAlert(
        String alertId,
        int episode,
        String rule,
        String severity,
        String status,
        Instant raisedAt,
        String explanation) {}
