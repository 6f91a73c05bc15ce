package rasad.query.referencedata;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import rasad.query.problem.NotFoundException;
import rasad.query.problem.QueryParameterException;

@RestController
@RequestMapping("/api/reference-data")
class ReferenceDataQueryController {

    private static final Set<String> KINDS = Set.of("PROGRAMME", "FUNDING_SOURCE", "AGENCY", "BANK", "BANK_BRANCH",
            "COUNTY");

    private final ReferenceDataReadModel readModel;

    ReferenceDataQueryController(ReferenceDataReadModel readModel) {
        this.readModel = readModel;
    }

    @GetMapping
    @Operation(summary = "Reference data, by kind; active entries unless includeRetired")
    List<ReferenceEntryView> list(@RequestParam(required = false) String kind,
                                  @RequestParam(defaultValue = "false") boolean includeRetired) {
        if (kind != null && !KINDS.contains(kind)) {
            throw new QueryParameterException("kind", "UNKNOWN_REFERENCE_KIND", "kind is one of " + KINDS);
        }
        return readModel.list(kind, includeRetired);
    }

    @GetMapping("/{kind}/{code}")
    @Operation(summary = "One reference entry, active or retired")
    ReferenceEntryView one(@PathVariable String kind, @PathVariable String code) {
        return readModel.find(kind, code).orElseThrow(() -> new NotFoundException("no " + kind + " " + code + " (yet)"));
    }
}
