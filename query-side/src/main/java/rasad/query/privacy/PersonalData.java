package rasad.query.privacy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * National ids and mobile numbers: an auditor or a manager reads them in full, and each such reading is
 * recorded ({@code personal_data_access}: who, when, which request, which cases); every other role sees them
 * masked. The record is an access log, not an event: reading changes no case.
 */
@Component
public class PersonalData {

    static final String ACCESS_LOG = "personal_data_access";
    private static final Set<String> MAY_READ = Set.of("ROLE_AUDITOR", "ROLE_MANAGER");
    private static final int SHOWN_DIGITS = 2;

    private final MongoCollection<Document> accessLog;
    private final HttpServletRequest request;
    private final Clock clock;

    PersonalData(MongoDatabase database, HttpServletRequest request, Clock clock) {
        this.accessLog = database.getCollection(ACCESS_LOG);
        this.request = request;
        this.clock = clock;
    }

    /** Whether the signed-in user reads personal data in full (and is logged doing so). */
    public boolean revealed() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user != null
                && user.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(MAY_READ::contains);
    }

    /** {@code 0012345678} as {@code ********78}: enough to tell two people apart on a list, not to find one. */
    public static String masked(String value) {
        if (value == null) {
            return null;
        }
        int shown = Math.min(SHOWN_DIGITS, value.length() / 4);
        return "*".repeat(value.length() - shown) + value.substring(value.length() - shown);
    }

    /**
     * Records that the current request showed personal data of these cases in full. Called only when
     * {@link #revealed()}; a request that shows none records nothing.
     */
    public void recordReading(Collection<String> facilityIds, List<String> kinds) {
        if (facilityIds.isEmpty()) {
            return;
        }
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        String query = request.getQueryString();
        accessLog.insertOne(new Document("at", Date.from(clock.instant()))
                .append("user", user.getName())
                .append(
                        "role",
                        user.getAuthorities().stream()
                                .map(GrantedAuthority::getAuthority)
                                .filter(authority -> authority.startsWith("ROLE_"))
                                .findFirst()
                                .orElse(null))
                .append(
                        "request",
                        request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query))
                .append("facilities", List.copyOf(facilityIds))
                .append("kinds", kinds));
    }

    /** Records that the current request showed a piece of evidence (a photo of a home, a workplace, a person). */
    public void recordEvidenceReading(String sha256) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        accessLog.insertOne(new Document("at", Date.from(clock.instant()))
                .append("user", user.getName())
                .append(
                        "role",
                        user.getAuthorities().stream()
                                .map(GrantedAuthority::getAuthority)
                                .filter(authority -> authority.startsWith("ROLE_"))
                                .findFirst()
                                .orElse(null))
                .append("request", request.getMethod() + " " + request.getRequestURI())
                .append("evidence", sha256)
                .append("kinds", List.of("evidence")));
    }
}
