package rasad.query.referencedata;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The names reference data gives codes — بانک ملی for {@code bank-melli} — for read models and exports to show
 * beside the codes they keep. Hundreds of entries: read whole, and again after a short while, so that a name
 * added or corrected shows within seconds without a read per row.
 */
@Component
public class ReferenceNames {

    /** A code's name in Persian and in English; either may be missing. */
    public record Name(String fa, String en) {}

    private static final Duration FRESH_FOR = Duration.ofSeconds(10);

    private final MongoDatabase database;
    private final Clock clock;
    private volatile Map<String, Name> names = Map.of();
    private volatile Instant readAt = Instant.MIN;

    ReferenceNames(MongoDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The name of a code of a kind (PROGRAMME, FUNDING_SOURCE, AGENCY, BANK, BANK_BRANCH, COUNTY), or null. */
    public Name of(String kind, String code) {
        if (kind == null || code == null) {
            return null;
        }
        return current().get(kind + "/" + code);
    }

    private Map<String, Name> current() {
        Instant now = clock.instant();
        if (readAt.plus(FRESH_FOR).isBefore(now)) {
            Map<String, Name> read = new HashMap<>();
            for (Document entry : database.getCollection("reference_data").find()) {
                read.put(entry.getString("_id"), new Name(entry.getString("nameFa"), entry.getString("nameEn")));
            }
            names = Map.copyOf(read);
            readAt = now;
        }
        return names;
    }
}
