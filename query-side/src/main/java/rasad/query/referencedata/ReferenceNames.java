package rasad.query.referencedata;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /**
     * The name of a code in the language asked for — the other language's where only that one exists — from
     * reference data, or for Rasad's own codes (FACILITY_STATUS, ALERT_STATUS, SEVERITY, ALERT_RESOLUTION,
     * VISIT_DUE) from its vocabulary; null where neither names it.
     */
    public String name(String kind, String code, Language language) {
        if (kind == null || code == null || code.isBlank()) {
            return null;
        }
        Name name = Vocabulary.of(kind, code);
        if (name == null) {
            name = of(kind, code);
        }
        if (name == null) {
            return null;
        }
        String wanted = language.persian() ? name.fa() : name.en();
        String other = language.persian() ? name.en() : name.fa();
        return wanted == null || wanted.isBlank() ? other : wanted;
    }

    /**
     * Names for a read model's codes, keyed as its fields are: {@code field, kind, code} in threes; a code
     * without a name is left out.
     */
    public Map<String, String> names(Language language, String... fieldKindCode) {
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i + 2 < fieldKindCode.length; i += 3) {
            String name = name(fieldKindCode[i + 1], fieldKindCode[i + 2], language);
            if (name != null) {
                named.put(fieldKindCode[i], name);
            }
        }
        return named;
    }

    /** A name was added here: the next lookup reads them all again (other instances within seconds). */
    void changed() {
        readAt = Instant.MIN;
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
