package rasad.eventstore.integrity;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rasad.eventstore.engine.EventStoreCollections;

/**
 * What the sealer found wrong in the part of the store it was about to seal, and therefore did not seal: kept
 * insert-only in {@code event_integrity_findings} (one per kind and position), logged and counted, so that an
 * auditor can list them and an operator is alerted. Sealing stops there until the store is repaired.
 */
public class IntegrityFindings {

    private static final Logger log = LoggerFactory.getLogger(IntegrityFindings.class);

    private final EventStoreCollections store;
    private final Clock clock;
    private final MeterRegistry meters;

    public IntegrityFindings(EventStoreCollections store, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.clock = clock;
        this.meters = meters == null ? new SimpleMeterRegistry() : meters;
    }

    /** Records a finding once; returns whether it was new. */
    public boolean record(BrokenLink link, String foundBy) {
        Document finding = new Document("_id", link.kind() + ":" + link.position())
                .append("kind", link.kind().name())
                .append("position", link.position())
                .append("eventId", link.eventId())
                .append("aggregate", link.aggregate())
                .append("expected", link.expected())
                .append("found", link.found())
                .append("foundAt", clock.instant().toString())
                .append("foundBy", foundBy);
        try {
            store.findings().insertOne(finding);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
        meters.counter("rasad.integrity.findings", "kind", link.kind().name()).increment();
        log.error(
                "Integrity finding {} at position {} ({}): expected {}, found {}; the store is not sealed past it",
                link.kind(),
                link.position(),
                link.aggregate(),
                link.expected(),
                link.found());
        return true;
    }

    /** Every finding, oldest position first; at most {@code limit}. */
    public List<Document> list(int limit) {
        List<Document> all = store.findings().find().into(new ArrayList<>());
        all.sort(Comparator.comparingLong(finding -> finding.get("position") instanceof Number n ? n.longValue() : 0));
        return all.subList(0, Math.min(limit, all.size()));
    }

    /** A finding for this kind and position, if recorded. */
    public boolean recorded(BrokenLink.Kind kind, long position) {
        return store.findings().find(eq("_id", kind + ":" + position)).first() != null;
    }
}
