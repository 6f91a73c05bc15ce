package rasad.query.dashboard;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * Where the dashboard projection keeps each facility's facts and the counters of each bucket: MongoDB for the
 * live dashboard ({@link DashboardStore}), memory for a dashboard folded as of an instant ({@link DashboardAsOf}).
 */
interface DashboardStorage {

    CaseFacts facts(String facilityId);

    void save(CaseFacts facts);

    /** Adds a batch's changes to a bucket, each change once (see {@link DashboardStore#applyBatch}). */
    void applyBatch(
            String bucket, List<String> changeIds, Map<String, Long> summed, Map<String, Map<String, Long>> byChange);

    /** A bucket's counters as nested documents ({@code total.jobs}), without the remembered change ids. */
    Optional<Document> bucket(String id);
}
