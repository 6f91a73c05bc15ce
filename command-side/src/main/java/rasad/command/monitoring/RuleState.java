package rasad.command.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;
import rasad.eventstore.axon.MessageSerialization;

/**
 * What the rules remember between events: per facility, per cluster key and per bank quota, one document each,
 * read and written by {@code _id} only (the embedded server's fast path). It is the rules' working memory, in
 * the way a saga's state is, not a read model: nobody queries it, the {@value MonitoringProcessor#NAME}
 * processor is its only writer, and replaying that processor from the first event rebuilds it.
 */
@Component
class RuleState {

    static final String COLLECTION = "alert_rule_state";

    private final MongoCollection<Document> documents;
    private final ObjectMapper json = MessageSerialization.objectMapper();

    RuleState(MongoDatabase database) {
        this.documents = database.getCollection(COLLECTION);
    }

    <T> Optional<T> load(String id, Class<T> type) {
        Document found = documents.find(Filters.eq("_id", id)).first();
        if (found == null) {
            return Optional.empty();
        }
        found.remove("_id");
        try {
            return Optional.of(json.readValue(found.toJson(), type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rule state " + id + " cannot be read", e);
        }
    }

    void save(String id, Object state) {
        try {
            Document document = Document.parse(json.writeValueAsString(state)).append("_id", id);
            documents.replaceOne(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rule state " + id + " cannot be written", e);
        }
    }

    void deleteAll() {
        documents.deleteMany(new Document());
    }
}
