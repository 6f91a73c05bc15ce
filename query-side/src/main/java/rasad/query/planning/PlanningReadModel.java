package rasad.query.planning;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * {@code job_targets} and {@code quotas}: the current figure of each, how often it was revised and the last
 * reason. Keyed by the aggregate id; whole documents replaced, so replays leave the same state.
 */
@Component
public class PlanningReadModel {

    private final MongoCollection<Document> targets;
    private final MongoCollection<Document> quotas;

    PlanningReadModel(MongoDatabase database) {
        this.targets = database.getCollection("job_targets");
        this.quotas = database.getCollection("quotas");
    }

    void saveTarget(Document target) {
        targets.replaceOne(eq("_id", target.getString("_id")), target, new ReplaceOptions().upsert(true));
    }

    void saveQuota(Document quota) {
        quotas.replaceOne(eq("_id", quota.getString("_id")), quota, new ReplaceOptions().upsert(true));
    }

    public List<Document> targetsOf(int fiscalYear) {
        return targets.find(eq("fiscalYear", fiscalYear))
                .sort(Sorts.ascending("_id"))
                .into(new ArrayList<>());
    }

    public List<Document> quotasOf(int fiscalYear) {
        return quotas.find(eq("fiscalYear", fiscalYear))
                .sort(Sorts.ascending("_id"))
                .into(new ArrayList<>());
    }
}
