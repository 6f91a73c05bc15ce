package rasad.command.audittrail;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import rasad.edge.access.RasadUser;
import rasad.edge.problem.FieldErrors;
import rasad.kernel.audit.AuditMetaData;
import rasad.kernel.audit.Role;
import rasad.kernel.validation.InvalidValueException;
import rasad.kernel.validation.NotResponsible;

/**
 * Who asks, in which role, for whom, why, and under which client request: the metadata attached to every
 * command and, through Axon's correlation providers, to every event it causes.
 */
@Component
public class CommandMetaData {

    /** The client's own id for this request; a retry sends the same one. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** Why, in the user's words, percent-encoded UTF-8 so that Persian survives HTTP headers. */
    public static final String REASON_HEADER = "X-Reason";
    /** Names the earlier system a record is imported from (admins only): see {@link AuditMetaData#IMPORTED_FROM}. */
    public static final String IMPORTED_FROM_HEADER = "X-Imported-From";
    /**
     * When an imported record happened in the earlier system (an instant, ISO 8601): its business time. Only with
     * {@link #IMPORTED_FROM_HEADER}: Rasad's own records happen when they are recorded, or say so in their body
     * (a field visit's device time).
     */
    public static final String OCCURRED_AT_HEADER = "X-Occurred-At";
    /** How far ahead of this server's clock another's may run. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final HttpServletRequest request;
    private final Clock clock;

    CommandMetaData(HttpServletRequest request, Clock clock) {
        this.request = request;
        this.clock = clock;
    }

    public MetaData current() {
        RasadUser user = RasadUser.current();
        Map<String, Object> values = new HashMap<>();
        values.put(AuditMetaData.ACTOR, user.getUsername());
        values.put(AuditMetaData.ACTOR_ROLE, user.role().code());
        values.put(AuditMetaData.ON_BEHALF_OF, user.onBehalfOf());
        String requestId = request.getHeader(REQUEST_ID_HEADER);
        values.put(
                AuditMetaData.REQUEST_ID,
                requestId == null || requestId.isBlank() ? "server-" + UUID.randomUUID() : requestId);
        String reason = request.getHeader(REASON_HEADER);
        if (reason != null && !reason.isBlank()) {
            values.put(AuditMetaData.REASON, reason(reason));
        }
        String importedFrom = request.getHeader(IMPORTED_FROM_HEADER);
        if (importedFrom != null && !importedFrom.isBlank()) {
            if (user.role() != Role.ADMIN) {
                throw new NotResponsible("IMPORT_NOT_ALLOWED", "only an admin imports records from another system");
            }
            values.put(AuditMetaData.IMPORTED_FROM, importedFrom.strip());
        }
        String occurredAt = request.getHeader(OCCURRED_AT_HEADER);
        if (occurredAt != null && !occurredAt.isBlank()) {
            values.put(
                    AuditMetaData.OCCURRED_AT, occurredAt(occurredAt, values.containsKey(AuditMetaData.IMPORTED_FROM)));
        }
        return MetaData.from(values);
    }

    /** The header percent-decoded; a broken escape (a lone {@code %}, half a byte) is the client's error, a 400. */
    private static String reason(String header) {
        FieldErrors errors = new FieldErrors();
        String decoded = errors.check(REASON_HEADER, () -> {
            try {
                return URLDecoder.decode(header, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException brokenEscape) {
                throw new InvalidValueException(
                        "REASON_ENCODING",
                        REASON_HEADER + " is UTF-8, percent-encoded (%D8%B9 …): " + brokenEscape.getMessage());
            }
        });
        errors.throwIfAny();
        return decoded;
    }

    private String occurredAt(String header, boolean imported) {
        FieldErrors errors = new FieldErrors();
        Instant occurredAt = errors.check(OCCURRED_AT_HEADER, () -> {
            if (!imported) {
                throw new InvalidValueException(
                        "OCCURRED_AT_ONLY_FOR_IMPORTS",
                        "only an imported record (" + IMPORTED_FROM_HEADER + ") says when it happened elsewhere");
            }
            Instant parsed;
            try {
                parsed = OffsetDateTime.parse(header.strip()).toInstant();
            } catch (DateTimeParseException notAnInstant) {
                throw new InvalidValueException(
                        "INSTANT_FORMAT", "an instant with its offset, e.g. 2025-05-01T08:30:00Z");
            }
            if (parsed.isAfter(clock.instant().plus(CLOCK_SKEW))) {
                throw new InvalidValueException("OCCURRED_AT_IN_FUTURE", "a record cannot have happened after now");
            }
            return parsed;
        });
        errors.throwIfAny();
        return occurredAt.toString();
    }
}
