package rasad.query.facility;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

/**
 * The case documents a batch of events changes, each read once, changed in memory and written once at the
 * batch's end (outside a processor's batch, at once). Every change sets values or appends what is not there
 * yet, so writing the whole document again after a redelivered batch leaves the same case.
 */
final class FacilityDocuments {

    /** Where cases are kept: the read model's collection, or memory for a case folded as of an instant. */
    interface Store {
        Document find(String facilityId);

        void save(String facilityId, Document document);

        static Store in(Supplier<MongoCollection<Document>> collection) {
            return new Store() {
                @Override
                public Document find(String facilityId) {
                    return collection.get().find(eq("_id", facilityId)).first();
                }

                @Override
                public void save(String facilityId, Document document) {
                    collection.get().replaceOne(eq("_id", facilityId), document, new ReplaceOptions().upsert(true));
                }
            };
        }

        static Store in(Map<String, Document> memory) {
            return new Store() {
                @Override
                public Document find(String facilityId) {
                    return memory.get(facilityId);
                }

                @Override
                public void save(String facilityId, Document document) {
                    memory.put(facilityId, document);
                }
            };
        }
    }

    private final Store store;
    private final Map<String, Document> read = new LinkedHashMap<>();
    private final Map<String, Document> changed = new LinkedHashMap<>();

    private FacilityDocuments(Store store) {
        this.store = store;
    }

    /** The documents of the current batch, flushed when it commits. */
    static FacilityDocuments current(Store store) {
        if (!CurrentUnitOfWork.isStarted()) {
            return new FacilityDocuments(store);
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(FacilityDocuments.class.getName(), key -> {
            FacilityDocuments documents = new FacilityDocuments(store);
            batch.onPrepareCommit(unitOfWork -> documents.flush());
            return documents;
        });
    }

    /** Changes a case, if it exists; written at the batch's end, or at once outside a batch. */
    void change(String facilityId, Consumer<Document> change) {
        Document document = read.computeIfAbsent(facilityId, id -> store.find(id));
        if (document == null) {
            return; // cannot happen in order: the grant always comes first
        }
        change.accept(document);
        changed.put(facilityId, document);
        flushUnlessBatched();
    }

    /** Replaces a case whole, keeping what {@code keep} names of the one it replaces. */
    void replace(String facilityId, Document replacement, String... keep) {
        Document existing = read.computeIfAbsent(facilityId, id -> store.find(id));
        if (existing != null) {
            for (String field : keep) {
                if (existing.get(field) != null) {
                    replacement.put(field, existing.get(field));
                }
            }
        }
        read.put(facilityId, replacement);
        changed.put(facilityId, replacement);
        flushUnlessBatched();
    }

    private void flushUnlessBatched() {
        if (!CurrentUnitOfWork.isStarted()) {
            flush();
        }
    }

    void flush() {
        changed.forEach(store::save);
        changed.clear();
        read.clear();
    }

    /** Sets a value at a dotted path, creating the documents on the way ({@code jobs.j-1.smsCheck}). */
    static void set(Document document, String path, Object value) {
        String[] keys = path.split("\\.");
        Document at = document;
        for (int i = 0; i < keys.length - 1; i++) {
            if (!(at.get(keys[i]) instanceof Document)) {
                at.put(keys[i], new Document());
            }
            at = (Document) at.get(keys[i]);
        }
        at.put(keys[keys.length - 1], value);
    }
}
