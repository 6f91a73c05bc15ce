package rasad.query.staff;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/** The {@code staff} collection, {@code _id} = the name a member signs in with. Small: a province's staff. */
@Component
class StaffReadModel {

    private final MongoCollection<Document> staff;

    StaffReadModel(MongoDatabase database) {
        this.staff = database.getCollection("staff");
    }

    /** The whole record, set again on a replay: the same document. */
    void registered(
            String staffId, String displayName, String role, String county, String bank, String agency, Instant at) {
        staff.updateOne(
                eq("_id", staffId),
                Updates.combine(
                        Updates.set("displayName", displayName),
                        Updates.set("role", role),
                        Updates.set("county", county),
                        Updates.set("bank", bank),
                        Updates.set("agency", agency),
                        Updates.set("changedAt", date(at)),
                        Updates.setOnInsert("registeredAt", date(at)),
                        Updates.setOnInsert("active", true)),
                new UpdateOptions().upsert(true));
    }

    void active(String staffId, boolean active, String retirementReason, Instant at) {
        staff.updateOne(
                eq("_id", staffId),
                Updates.combine(
                        Updates.set("active", active),
                        Updates.set("retirementReason", retirementReason),
                        Updates.set("changedAt", date(at))));
    }

    List<StaffView> list(List<String> roles, String county, boolean includeRetired) {
        List<Bson> filters = new ArrayList<>();
        if (!roles.isEmpty()) {
            filters.add(in("role", roles));
        }
        if (county != null) {
            // an inspector without a county covers the whole province, so they serve this county too
            filters.add(in("county", county, null));
        }
        if (!includeRetired) {
            filters.add(eq("active", true));
        }
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        return staff.find(filter)
                .sort(Sorts.ascending("_id"))
                .map(StaffReadModel::view)
                .into(new ArrayList<>());
    }

    Optional<StaffView> find(String staffId) {
        return Optional.ofNullable(staff.find(eq("_id", staffId)).first()).map(StaffReadModel::view);
    }

    private static StaffView view(Document document) {
        return new StaffView(
                document.getString("_id"),
                document.getString("displayName"),
                document.getString("role"),
                document.getString("county"),
                document.getString("bank"),
                document.getString("agency"),
                Boolean.TRUE.equals(document.getBoolean("active")),
                document.getString("retirementReason"),
                instant(document.getDate("registeredAt")),
                instant(document.getDate("changedAt")));
    }

    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
