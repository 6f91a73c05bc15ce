package rasad.query.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The changes of one batch of events, applied at its end: one update per bucket touched, the facts of each
 * facility read once and saved once. Figures are flushed before facts, as for a single event, and each change
 * keeps its own id and difference, so that a batch delivered again (cut differently) is still counted once.
 */
final class DashboardBatch {

    private final DashboardStorage store;
    private final Map<String, CaseFacts> facts = new HashMap<>();
    private final Set<String> changedFacilities = new LinkedHashSet<>();
    private final Map<String, Map<String, Map<String, Long>>> changesByBucket = new LinkedHashMap<>();

    DashboardBatch(DashboardStorage store) {
        this.store = store;
    }

    void change(String facilityId, String changeId, UnaryOperator<CaseFacts> change) {
        CaseFacts before = facts.computeIfAbsent(facilityId, store::facts);
        CaseFacts after = change.apply(before);
        if (after.equals(before)) {
            return;
        }
        Contribution.of(after)
                .minus(Contribution.of(before))
                .forEach((bucket, fields) -> changesByBucket
                        .computeIfAbsent(bucket, ignored -> new LinkedHashMap<>())
                        .put(changeId, fields));
        facts.put(facilityId, after);
        changedFacilities.add(facilityId);
    }

    void flush() {
        flushFigures();
        saveFacts();
    }

    void flushFigures() {
        changesByBucket.forEach((bucket, changes) -> {
            Map<String, Long> summed = new HashMap<>();
            changes.values().forEach(fields -> fields.forEach((field, count) -> summed.merge(field, count, Long::sum)));
            store.applyBatch(bucket, new ArrayList<>(changes.keySet()), summed, changes);
        });
        changesByBucket.clear();
    }

    void saveFacts() {
        changedFacilities.forEach(facilityId -> store.save(facts.get(facilityId)));
        changedFacilities.clear();
        facts.clear();
    }
}
