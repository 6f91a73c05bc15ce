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
import rasad.query.referencedata.Language;
import rasad.query.referencedata.ReferenceNames;
import rasad.query.staff.ReaderScope;
import rasad.query.staff.ReaderScopes;

@RestController
@RequestMapping("/api/planning/{fiscalYear}")
class PlanningQueryController {

    private final PlanningReadModel readModel;
    private final ReferenceNames names;
    private final ReaderScopes scopes;

    PlanningQueryController(PlanningReadModel readModel, ReferenceNames names, ReaderScopes scopes) {
        this.readModel = readModel;
        this.names = names;
        this.scopes = scopes;
    }

    @GetMapping("/targets")
    @Operation(summary = "Job targets of a fiscal year, with how often each was revised and the last reason")
    ResponseEntity<?> targets(@PathVariable int fiscalYear, ExportOptions export) {
        Language language = export.language();
        List<Map<String, Object>> targets = readModel.targetsOf(fiscalYear).stream()
                .map(PlanningQueryController::withoutId)
                .map(row ->
                        named(row, names.names(language, "scopeCode", text(row, "scopeKind"), text(row, "scopeCode"))))
                .toList();
        return CsvExport.answer(
                targets,
                targets,
                List.of(
                        Column.text("دامنه", "Scope", row -> row.get("scopeKind")),
                        Column.codeOfKind("کد", "Code", row -> text(row, "scopeKind"), row -> row.get("scopeCode")),
                        Column.number("تعهد اشتغال", "Jobs", row -> row.get("jobs")),
                        Column.number("بازنگری‌ها", "Revisions", row -> row.get("revisions")),
                        Column.text("آخرین دلیل", "Last reason", row -> row.get("lastReason"))),
                export,
                "targets-" + fiscalYear,
                names);
    }

    @GetMapping("/quotas")
    @Operation(summary = "Quotas of a fiscal year, per bank or institution, programme and funding source")
    ResponseEntity<?> quotas(@PathVariable int fiscalYear, ExportOptions export) {
        Language language = export.language();
        ReaderScope scope = scopes.current();
        List<Map<String, Object>> quotas = readModel.quotasOf(fiscalYear).stream()
                .filter(quota -> scope.coversHolder(quota.getString("holderKind"), quota.getString("holder")))
                .map(PlanningQueryController::withoutId)
                .map(row -> named(
                        row,
                        names.names(
                                language,
                                "holder",
                                text(row, "holderKind"),
                                text(row, "holder"),
                                "programme",
                                "PROGRAMME",
                                text(row, "programme"),
                                "fundingSource",
                                "FUNDING_SOURCE",
                                text(row, "fundingSource"))))
                .toList();
        return CsvExport.answer(
                quotas,
                quotas,
                List.of(
                        Column.text("نوع دارنده", "Holder kind", row -> row.get("holderKind")),
                        Column.codeOfKind(
                                "دارنده سهمیه", "Holder", row -> text(row, "holderKind"), row -> row.get("holder")),
                        Column.code("برنامه", "Programme", "PROGRAMME", row -> row.get("programme")),
                        Column.code("منبع", "Funding source", "FUNDING_SOURCE", row -> row.get("fundingSource")),
                        Column.rials("سهمیه", "Quota", row -> row.get("amountRials")),
                        Column.number("بازنگری‌ها", "Revisions", row -> row.get("revisions")),
                        Column.text("آخرین دلیل", "Last reason", row -> row.get("lastReason"))),
                export,
                "quotas-set-" + fiscalYear,
                names);
    }

    /** The row with the names of its codes, as every list that shows codes has them. */
    private static Map<String, Object> named(Map<String, Object> row, Map<String, String> names) {
        row.put("names", names);
        return row;
    }

    private static String text(Map<String, Object> row, String field) {
        Object value = row.get(field);
        return value == null ? null : value.toString();
    }

    private static Map<String, Object> withoutId(Document document) {
        Document copy = new Document(document);
        copy.put("id", copy.remove("_id"));
        return copy;
    }
}
