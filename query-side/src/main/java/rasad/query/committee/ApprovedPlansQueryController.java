package rasad.query.committee;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import rasad.edge.problem.NotFoundException;

@RestController
class ApprovedPlansQueryController {

    static final String COLLECTION = "approved_plans";

    private final MongoCollection<Document> plans;

    ApprovedPlansQueryController(MongoDatabase database) {
        this.plans = database.getCollection(COLLECTION);
    }

    @GetMapping("/api/committee-sessions/{sessionId}")
    @Operation(summary = "A committee session: its approved plans, their total, and which are financed")
    Map<String, Object> session(@PathVariable String sessionId) {
        List<Document> approved = plans.find(eq("sessionId", sessionId))
                .sort(Sorts.ascending("_id"))
                .into(new ArrayList<>());
        if (approved.isEmpty()) {
            throw new NotFoundException("no committee session " + sessionId + " (yet)");
        }
        long total = approved.stream()
                .mapToLong(p -> p.get("amountRials", Number.class).longValue())
                .sum();
        long financed =
                approved.stream().filter(p -> p.getString("financedBy") != null).count();
        return Map.of(
                "sessionId",
                sessionId,
                "plans",
                approved.size(),
                "totalRials",
                total,
                "plansFinanced",
                financed,
                "approvedPlans",
                approved.stream().map(ApprovedPlansQueryController::view).toList());
    }

    private static Map<String, Object> view(Document plan) {
        Document copy = new Document(plan);
        copy.put("planId", copy.remove("_id"));
        return copy;
    }
}
