package rasad.query.referencedata;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import rasad.edge.problem.InvalidParameterException;
import rasad.edge.problem.NotFoundException;
import rasad.query.export.Column;
import rasad.query.export.CsvExport;
import rasad.query.export.ExportOptions;

@RestController
@RequestMapping("/api/reference-data")
class ReferenceDataQueryController {

    private static final Set<String> KINDS =
            Set.of("PROGRAMME", "FUNDING_SOURCE", "AGENCY", "BANK", "BANK_BRANCH", "COUNTY");

    private final ReferenceDataReadModel readModel;

    ReferenceDataQueryController(ReferenceDataReadModel readModel) {
        this.readModel = readModel;
    }

    @GetMapping
    @Operation(summary = "Reference data, by kind; active entries unless includeRetired")
    ResponseEntity<?> list(
            @RequestParam(required = false) String kind,
            @RequestParam(defaultValue = "false") boolean includeRetired,
            ExportOptions export) {
        if (kind != null && !KINDS.contains(kind)) {
            throw new InvalidParameterException("kind", "UNKNOWN_REFERENCE_KIND", "kind is one of " + KINDS);
        }
        List<ReferenceEntryView> entries = readModel.list(kind, includeRetired);
        return CsvExport.answer(
                entries,
                entries,
                List.of(
                        Column.text("نوع", "Kind", ReferenceEntryView::kind),
                        Column.text("کد", "Code", ReferenceEntryView::code),
                        Column.text("نام فارسی", "Persian name", ReferenceEntryView::nameFa),
                        Column.text("نام انگلیسی", "English name", ReferenceEntryView::nameEn),
                        Column.text("بانک", "Parent bank", ReferenceEntryView::parentBank),
                        Column.number("سال مالی", "Fiscal year", ReferenceEntryView::fiscalYear),
                        Column.text("فعال", "Active", ReferenceEntryView::active)),
                export,
                "reference-data");
    }

    @GetMapping("/{kind}/{code}")
    @Operation(summary = "One reference entry, active or retired")
    ReferenceEntryView one(@PathVariable String kind, @PathVariable String code) {
        return readModel
                .find(kind, code)
                .orElseThrow(() -> new NotFoundException("no " + kind + " " + code + " (yet)"));
    }
}
