package rasad.query.alerts;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.stereotype.Component;
import rasad.eventstore.engine.RasadEventStorageEngine;
import rasad.kernel.alerts.AlertRaised;
import rasad.query.asof.ProjectionFold;
import rasad.query.asof.TimeAxis;

/**
 * The alert list as it stood at an instant: the live {@link AlertProjection} folded over every alert event
 * known (recorded) or true (occurred) by then into a collection of its own, which the list's own query then
 * reads — the same filters, the same order, the status and triage of each episode as they were — and which is
 * dropped afterwards.
 */
@Component
class AlertsAsOf {

    private static final String ALERT_EVENTS = AlertRaised.class.getPackageName() + ".";

    private final RasadEventStorageEngine store;
    private final MongoDatabase database;

    AlertsAsOf(RasadEventStorageEngine store, MongoDatabase database) {
        this.store = store;
        this.database = database;
    }

    /** The episodes the filter selects as of {@code at}, their ages counted to then. */
    List<AlertEpisode> matching(AlertFilter filter, Instant at, TimeAxis axis) {
        MongoCollection<Document> episodes = database.getCollection("alert_episodes_as_of_" + UUID.randomUUID());
        try {
            AlertReadModel readModel = AlertReadModel.over(episodes);
            ProjectionFold fold = ProjectionFold.of(new AlertProjection(readModel));
            store.forEachStoredEvent(1, store.headPosition(), stored -> {
                if (stored.getString("payloadType").startsWith(ALERT_EVENTS) && axis.includes(stored, at)) {
                    store.message(stored).ifPresent(fold::apply);
                }
            });
            return readModel.matching(filter, at);
        } finally {
            episodes.drop();
        }
    }
}
