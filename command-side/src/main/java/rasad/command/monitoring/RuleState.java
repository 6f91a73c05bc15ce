package rasad.command.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.springframework.stereotype.Component;
import rasad.eventstore.axon.MessageSerialization;

/**
 * What the rules remember between events: per facility, per cluster key and per bank quota, one document each,
 * read and written by {@code _id} only (the embedded server's fast path). It is the rules' working memory, in
 * the way a saga's state is, not a read model: nobody queries it, the {@value MonitoringProcessor#NAME}
 * processor is its only writer, and replaying that processor from the first event rebuilds it.
 * <p>Within a batch of the processor, states are kept in memory and written together when the batch commits,
 * before its token, with how far the batch read written last (see {@link ProcessedThrough}): whoever sees that
 * position also sees every state the batch changed.
 */
@Component
class RuleState {

    static final String COLLECTION = "alert_rule_state";
    private static final String BATCH = RuleState.class.getName() + ".batch";

    private final MongoCollection<Document> documents;
    private final ObjectMapper json = MessageSerialization.objectMapper();

    RuleState(MongoDatabase database) {
        this.documents = database.getCollection(COLLECTION);
    }

    @SuppressWarnings("unchecked")
    <T> Optional<T> load(String id, Class<T> type) {
        Map<String, Object> batch = batch();
        if (batch != null && batch.containsKey(id)) {
            return Optional.of((T) batch.get(id));
        }
        Document found = documents.find(Filters.eq("_id", id)).first();
        if (found == null) {
            return Optional.empty();
        }
        found.remove("_id");
        try {
            T state = json.readValue(found.toJson(), type);
            if (batch != null) {
                batch.put(id, state); // later events of the batch change this very object
            }
            return Optional.of(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rule state " + id + " cannot be read", e);
        }
    }

    void save(String id, Object state) {
        Map<String, Object> batch = batch();
        if (batch != null) {
            batch.put(id, state);
        } else {
            documents.replaceOne(Filters.eq("_id", id), document(id, state), new ReplaceOptions().upsert(true));
        }
    }

    /** The batch's states, or null outside the processor (the time checks read the stored states only). */
    private Map<String, Object> batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (!root.resources().containsKey(BATCH)) {
            root.resources().put(BATCH, new LinkedHashMap<String, Object>());
            root.onPrepareCommit(unitOfWork -> flush(unitOfWork.getResource(BATCH)));
        }
        return root.getResource(BATCH);
    }

    private void flush(Map<String, Object> batch) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        Object position = batch.remove(ProcessedThrough.STATE_ID);
        batch.forEach((id, state) -> writes.add(replace(id, state)));
        if (position != null) {
            writes.add(replace(ProcessedThrough.STATE_ID, position)); // last: it vouches for the others
        }
        if (!writes.isEmpty()) {
            documents.bulkWrite(writes); // ordered: applied one after the other
        }
    }

    private ReplaceOneModel<Document> replace(String id, Object state) {
        return new ReplaceOneModel<>(Filters.eq("_id", id), document(id, state), new ReplaceOptions().upsert(true));
    }

    private Document document(String id, Object state) {
        try {
            return Document.parse(json.writeValueAsString(state)).append("_id", id);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rule state " + id + " cannot be written", e);
        }
    }
}
