package rasad.query.referencedata;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/** The {@code reference_data} collection, {@code _id} = kind/code. Small: hundreds of entries, not millions. */
@Component
class ReferenceDataReadModel {

    private final MongoCollection<Document> entries;

    ReferenceDataReadModel(MongoDatabase database) {
        this.entries = database.getCollection("reference_data");
    }

    void added(ReferenceEntryView view) {
        entries.replaceOne(
                eq("_id", id(view.kind(), view.code())), toDocument(view), new ReplaceOptions().upsert(true));
    }

    /** Setting the same fields again on a replay leaves the same document. */
    void retired(String kind, String code, String reason, Instant at) {
        entries.updateOne(
                eq("_id", id(kind, code)),
                Updates.combine(
                        Updates.set("active", false),
                        Updates.set("retirementReason", reason),
                        Updates.set("retiredAt", at == null ? null : Date.from(at))));
    }

    Optional<ReferenceEntryView> find(String kind, String code) {
        return Optional.ofNullable(entries.find(eq("_id", id(kind, code))).first())
                .map(ReferenceDataReadModel::toView);
    }

    List<ReferenceEntryView> list(String kind, boolean includeRetired) {
        List<Bson> filters = new ArrayList<>();
        if (kind != null) {
            filters.add(eq("kind", kind));
        }
        if (!includeRetired) {
            filters.add(eq("active", true));
        }
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        return entries.find(filter)
                .sort(Sorts.ascending("_id"))
                .map(ReferenceDataReadModel::toView)
                .into(new ArrayList<>());
    }

    private static String id(String kind, String code) {
        return kind + "/" + code;
    }

    private static Document toDocument(ReferenceEntryView view) {
        return new Document("_id", id(view.kind(), view.code()))
                .append("kind", view.kind())
                .append("code", view.code())
                .append("nameFa", view.nameFa())
                .append("nameEn", view.nameEn())
                .append("parentBank", view.parentBank())
                .append("fiscalYear", view.fiscalYear())
                .append("active", view.active())
                .append("retirementReason", view.retirementReason())
                .append("addedBy", view.addedBy())
                .append("addedAt", view.addedAt() == null ? null : Date.from(view.addedAt()))
                .append("retiredAt", view.retiredAt() == null ? null : Date.from(view.retiredAt()));
    }

    private static ReferenceEntryView toView(Document d) {
        Date addedAt = d.getDate("addedAt");
        Date retiredAt = d.getDate("retiredAt");
        return new ReferenceEntryView(
                d.getString("kind"),
                d.getString("code"),
                d.getString("nameFa"),
                d.getString("nameEn"),
                d.getString("parentBank"),
                d.getInteger("fiscalYear"),
                Boolean.TRUE.equals(d.getBoolean("active")),
                d.getString("retirementReason"),
                d.getString("addedBy"),
                addedAt == null ? null : addedAt.toInstant(),
                retiredAt == null ? null : retiredAt.toInstant());
    }
}
