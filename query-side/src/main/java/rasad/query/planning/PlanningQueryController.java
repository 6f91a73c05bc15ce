package rasad.query.planning;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/planning/{fiscalYear}")
class PlanningQueryController {

    private final PlanningReadModel readModel;

    PlanningQueryController(PlanningReadModel readModel) {
        this.readModel = readModel;
    }

    @GetMapping("/targets")
    @Operation(summary = "Job targets of a fiscal year, with how often each was revised and the last reason")
    List<Map<String, Object>> targets(@PathVariable int fiscalYear) {
        return readModel.targetsOf(fiscalYear).stream().map(PlanningQueryController::withoutId).toList();
    }

    @GetMapping("/quotas")
    @Operation(summary = "Quotas of a fiscal year, per bank or institution, programme and funding source")
    List<Map<String, Object>> quotas(@PathVariable int fiscalYear) {
        return readModel.quotasOf(fiscalYear).stream().map(PlanningQueryController::withoutId).toList();
    }

    private static Map<String, Object> withoutId(Document document) {
        Document copy = new Document(document);
        copy.put("id", copy.remove("_id"));
        return copy;
    }
}
