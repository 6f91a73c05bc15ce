package rasad.command.audittrail;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import rasad.command.access.RasadUser;
import rasad.kernel.audit.AuditMetaData;
import rasad.kernel.audit.Role;
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

    private final HttpServletRequest request;

    CommandMetaData(HttpServletRequest request) {
        this.request = request;
    }

    public MetaData current() {
        RasadUser user = RasadUser.current();
        Map<String, Object> values = new HashMap<>();
        values.put(AuditMetaData.ACTOR, user.getUsername());
        values.put(AuditMetaData.ACTOR_ROLE, user.role().code());
        values.put(AuditMetaData.ON_BEHALF_OF, user.onBehalfOf());
        String requestId = request.getHeader(REQUEST_ID_HEADER);
        values.put(AuditMetaData.REQUEST_ID,
                requestId == null || requestId.isBlank() ? "server-" + UUID.randomUUID() : requestId);
        String reason = request.getHeader(REASON_HEADER);
        if (reason != null && !reason.isBlank()) {
            values.put(AuditMetaData.REASON,
                    java.net.URLDecoder.decode(reason, java.nio.charset.StandardCharsets.UTF_8));
        }
        String importedFrom = request.getHeader(IMPORTED_FROM_HEADER);
        if (importedFrom != null && !importedFrom.isBlank()) {
            if (user.role() != Role.ADMIN) {
                throw new NotResponsible("IMPORT_NOT_ALLOWED", "only an admin imports records from another system");
            }
            values.put(AuditMetaData.IMPORTED_FROM, importedFrom.strip());
        }
        return MetaData.from(values);
    }
}
