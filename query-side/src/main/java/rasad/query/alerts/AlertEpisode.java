package rasad.query.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import rasad.kernel.alerts.Evidence;
import rasad.kernel.alerts.Severity;

/**
 * One episode of an alert as managers see it: what the rule found and why, where it belongs, where triage
 * stands, and how old it is: {@code since} is when the sign appeared in business time (the latest event the rule
 * relied on, as it happened: an imported record's time in the earlier system, a visit's device time; never after
 * {@code raisedAt}), and {@code ageDays} the Tehran calendar days from then to closed, or to today while open. So
 * a year imported in one afternoon keeps its real ages, and "oldest first" means what it says. Lists leave out {@code evidence} and {@code history}; the alert's own page carries them.
 */
record AlertEpisode(
        String alertId,
        int episode,
        String rule,
        String detects,
        String severity,
        String status,
        Subject subject,
        String explanation,
        Instant raisedAt,
        Instant since,
        Instant closedAt,
        String closedAs,
        long ageDays,
        String inspector,
        LocalDate visitDueOn,
        String escalatedTo,
        List<Evidence> evidence,
        List<Step> history) {

    /** What the alert is about; any part but the description may be absent (a bank-wide alert has no county). */
    record Subject(
            String facilityId, String bank, String county, String agency, String programme, String description) {}

    /**
     * One step of the episode's record: {@code RAISED}, {@code ACKNOWLEDGED}, {@code ASSIGNED}, {@code NOTED},
     * {@code ESCALATED}, {@code RESOLVED} or {@code CLEARED}; who took it, in which role, for whom, when (the
     * event's time in Rasad), the note or reason, and what the step set. {@code eventId} leads to the event.
     */
    record Step(
            String step,
            Instant at,
            String actor,
            String actorRole,
            String onBehalfOf,
            String note,
            String inspector,
            LocalDate visitDueOn,
            String escalatedTo,
            String resolution,
            List<Evidence> evidence,
            String eventId) {}

    /** The episode without its evidence and history, as lists show it. */
    AlertEpisode summary() {
        return new AlertEpisode(
                alertId,
                episode,
                rule,
                detects,
                severity,
                status,
                subject,
                explanation,
                raisedAt,
                since,
                closedAt,
                closedAs,
                ageDays,
                inspector,
                visitDueOn,
                escalatedTo,
                null,
                null);
    }

    Severity severityLevel() {
        return Severity.valueOf(severity);
    }

    boolean closed() {
        return AlertStatus.valueOf(status).closed();
    }
}
