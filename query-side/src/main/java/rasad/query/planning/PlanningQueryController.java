package rasad.query.planning;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import rasad.query.export.Column;
import rasad.query.export.CsvExport;
import rasad.query.export.ExportOptions;

@RestController
@RequestMapping("/api/planning/{fiscalYear}")
class PlanningQueryController {

    private final PlanningReadModel readModel;

    PlanningQueryController(PlanningReadModel readModel) {
        this.readModel = readModel;
    }

    @GetMapping("/targets")
    @Operation(summary = "Job targets of a fiscal year, with how often each was revised and the last reason")
    ResponseEntity<?> targets(@PathVariable int fiscalYear, ExportOptions export) {
        List<Map<String, Object>> targets = readModel.targetsOf(fiscalYear).stream()
                .map(PlanningQueryController::withoutId)
                .toList();
        return CsvExport.answer(
                targets,
                targets,
                List.of(
                        Column.text("دامنه", "Scope", row -> row.get("scopeKind")),
                        Column.text("کد", "Code", row -> row.get("scopeCode")),
                        Column.number("تعهد اشتغال", "Jobs", row -> row.get("jobs")),
                        Column.number("بازنگری‌ها", "Revisions", row -> row.get("revisions")),
                        Column.text("آخرین دلیل", "Last reason", row -> row.get("lastReason"))),
                export,
                "targets-" + fiscalYear);
    }

    @GetMapping("/quotas")
    @Operation(summary = "Quotas of a fiscal year, per bank or institution, programme and funding source")
    ResponseEntity<?> quotas(@PathVariable int fiscalYear, ExportOptions export) {
        List<Map<String, Object>> quotas = readModel.quotasOf(fiscalYear).stream()
                .map(PlanningQueryController::withoutId)
                .toList();
        return CsvExport.answer(
                quotas,
                quotas,
                List.of(
                        Column.text("نوع دارنده", "Holder kind", row -> row.get("holderKind")),
                        Column.text("دارنده سهمیه", "Holder", row -> row.get("holder")),
                        Column.text("برنامه", "Programme", row -> row.get("programme")),
                        Column.text("منبع", "Funding source", row -> row.get("fundingSource")),
                        Column.rials("سهمیه", "Quota", row -> row.get("amountRials")),
                        Column.number("بازنگری‌ها", "Revisions", row -> row.get("revisions")),
                        Column.text("آخرین دلیل", "Last reason", row -> row.get("lastReason"))),
                export,
                "quotas-set-" + fiscalYear);
    }

    private static Map<String, Object> withoutId(Document document) {
        Document copy = new Document(document);
        copy.put("id", copy.remove("_id"));
        return copy;
    }
}
