package rasad.web.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import rasad.web.apis.QueryApi;

/**
 * Whether the figures a page shows are still catching up with what was recorded: the query side's processors
 * behind the store's head (after a rebuild, an import, a restart). Asked when a page's header is drawn, for the
 * roles that may read the processors; a page without the answer still shows its figures, only without the notice.
 */
@Component("live")
public class Live {

    private static final Set<String> READERS_OF_PROCESSORS = Set.of("ROLE_MANAGER", "ROLE_AUDITOR", "ROLE_ADMIN");

    private final QueryApi query;
    private final int refreshSeconds;

    Live(QueryApi query, @Value("${rasad.web.refresh-seconds:30}") int refreshSeconds) {
        this.query = query;
        this.refreshSeconds = Math.max(1, refreshSeconds);
    }

    /** How often a live part of a page asks again, as htmx's trigger says it: "every 30s". */
    public String every() {
        return "every " + refreshSeconds + "s";
    }

    /** How far behind the furthest processor is, or null when every one has caught up. */
    public CatchingUp catchingUp() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn == null
                || signedIn.getAuthorities().stream()
                        .noneMatch(role -> READERS_OF_PROCESSORS.contains(role.getAuthority()))) {
            return null;
        }
        JsonNode processors;
        try {
            processors = query.get("/api/processors", Map.of());
        } catch (RestClientException unanswered) {
            // the notice is a courtesy: a query side that cannot say leaves the page as it is
            return null;
        }
        long behind = 0;
        Long eta = null;
        for (JsonNode processor : processors) {
            long events = processor.path("behindEvents").asLong(0);
            if (events > behind || processor.path("replaying").asBoolean(false)) {
                behind = Math.max(behind, events);
                eta = processor.hasNonNull("etaSeconds")
                        ? processor.path("etaSeconds").asLong()
                        : eta;
            }
        }
        return behind > 0 ? new CatchingUp(behind, eta) : null;
    }

    /** Events not yet in the figures, and the seconds until they are, when the query side can tell. */
    public record CatchingUp(long behindEvents, Long etaSeconds) {}
}
