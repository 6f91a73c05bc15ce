package rasad.query.dashboard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * The dashboard's facts and buckets in memory, for one fold over the events up to an instant. A fold delivers
 * each event once, so a change is simply added; the counters are nested as MongoDB's {@code $inc} on a dotted
 * path nests them, so that the same code reads both.
 */
final class DashboardMemory implements DashboardStorage {

    private final Map<String, CaseFacts> facts = new HashMap<>();
    private final Map<String, Document> buckets = new HashMap<>();

    @Override
    public CaseFacts facts(String facilityId) {
        return facts.getOrDefault(facilityId, CaseFacts.unknown(facilityId));
    }

    @Override
    public void save(CaseFacts changed) {
        facts.put(changed.facilityId(), changed);
    }

    @Override
    public void applyBatch(
            String bucket, List<String> changeIds, Map<String, Long> summed, Map<String, Map<String, Long>> byChange) {
        Document counters = buckets.computeIfAbsent(bucket, id -> new Document("_id", id));
        summed.forEach((path, count) -> increment(counters, path, count));
    }

    /** Once folded, the figures are all that is read: the facts of every facility need not be kept with them. */
    DashboardMemory figuresOnly() {
        facts.clear();
        return this;
    }

    @Override
    public Optional<Document> bucket(String id) {
        return Optional.ofNullable(buckets.get(id));
    }

    private static void increment(Document counters, String path, long count) {
        String[] keys = path.split("\\.");
        Document at = counters;
        for (int i = 0; i < keys.length - 1; i++) {
            if (!(at.get(keys[i]) instanceof Document)) {
                at.put(keys[i], new Document());
            }
            at = (Document) at.get(keys[i]);
        }
        Object known = at.get(keys[keys.length - 1]);
        at.put(keys[keys.length - 1], (known instanceof Number number ? number.longValue() : 0L) + count);
    }
}
