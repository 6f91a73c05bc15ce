package rasad.query.audit;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;
import rasad.eventstore.integrity.BrokenLink;
import rasad.query.facility.LastVerification;
import rasad.query.facility.LastVerifications;

/**
 * {@code case_verifications}: each case's last verification, one document per facility, replaced each time the
 * case is verified. Not a projection of events — a verification is not an event, and the query side writes
 * none — so a read-model rebuild leaves it alone. A whole-store verification ({@code audit_verifications},
 * read only) that finished later is shown instead: it re-checked the case's positions too.
 */
@Component
class CaseVerifications implements LastVerifications {

    private final MongoCollection<Document> cases;
    private final MongoCollection<Document> stores;

    CaseVerifications(MongoDatabase database) {
        this.cases = database.getCollection("case_verifications");
        this.stores = database.getCollection("audit_verifications");
    }

    void record(String facilityId, CaseVerification verification) {
        BrokenLink link = verification.firstBrokenLink();
        Document document = new Document("_id", facilityId)
                // as text: the instant exactly as the verification answered it (a BSON date keeps milliseconds)
                .append("verifiedAt", verification.verifiedAt().toString())
                .append("intact", verification.intact())
                .append(
                        "firstBrokenLink",
                        link == null
                                ? null
                                : new Document("kind", link.kind().name()).append("position", link.position()));
        cases.replaceOne(eq("_id", facilityId), document, new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<LastVerification> of(String facilityId) {
        Optional<LastVerification> ofCase = Optional.ofNullable(
                        cases.find(eq("_id", facilityId)).first())
                .map(document -> verification(
                        document,
                        Instant.parse(document.getString("verifiedAt")),
                        document.get("firstBrokenLink", Document.class),
                        "case"));
        Optional<LastVerification> ofStore = newestStoreVerification();
        if (ofStore.isPresent()
                && (ofCase.isEmpty()
                        || ofStore.get().verifiedAt().isAfter(ofCase.get().verifiedAt()))) {
            return ofStore;
        }
        return ofCase;
    }

    private Optional<LastVerification> newestStoreVerification() {
        Document done = stores.find(eq("state", "DONE"))
                .sort(Sorts.descending("finishedAt"))
                .limit(1)
                .first();
        if (done == null || done.getDate("finishedAt") == null || done.get("report", Document.class) == null) {
            return Optional.empty();
        }
        Document report = done.get("report", Document.class);
        return Optional.of(verification(
                report,
                done.getDate("finishedAt").toInstant(),
                report.get("firstBrokenLink", Document.class),
                "store"));
    }

    private static LastVerification verification(Document result, Instant at, Document link, String scope) {
        return new LastVerification(
                at,
                Boolean.TRUE.equals(result.getBoolean("intact")),
                link == null || !(link.get("position") instanceof Number position)
                        ? null
                        : new LastVerification.BrokenAt(link.getString("kind"), position.longValue()),
                scope);
    }
}
