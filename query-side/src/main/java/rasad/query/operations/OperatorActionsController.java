package rasad.query.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import rasad.edge.problem.InvalidParameterException;
import rasad.edge.problem.NotFoundException;

/** What operators did to Rasad itself, for auditors: rebuilds of read models and changes of alert rules. */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR', 'MANAGER')")
class OperatorActionsController {

    static final int MAX_PAGE_SIZE = 200;

    private final OperatorActions actions;

    OperatorActionsController(OperatorActions actions) {
        this.actions = actions;
    }

    record OperatorActionPage(
            List<OperatorActions.OperatorAction> items, int page, int size, long totalItems, long totalPages) {}

    @GetMapping("/api/operator-actions")
    @Operation(
            summary = "Every read-model rebuild requested and every alert-rule change, newest first, with who, "
                    + "when and why; a rebuild with how it went (admin, auditor, manager)")
    OperatorActionPage list(
            @Parameter(description = "READ_MODEL_REBUILD or ALERT_RULE_CHANGE") @RequestParam(required = false)
                    String kind,
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "page size, 1 to " + MAX_PAGE_SIZE) @RequestParam(defaultValue = "50") int size) {
        if (kind != null
                && !List.of(OperatorActions.REBUILD, OperatorActions.ALERT_RULE_CHANGE)
                        .contains(kind)) {
            throw new InvalidParameterException("kind", "ONE_OF", "kind is READ_MODEL_REBUILD or ALERT_RULE_CHANGE");
        }
        if (page < 0) {
            throw new InvalidParameterException("page", "PAGE_NEGATIVE", "page numbers start at 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidParameterException(
                    "size", "PAGE_SIZE_OUT_OF_RANGE", "a page holds 1 to " + MAX_PAGE_SIZE + " actions");
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw new InvalidParameterException("page", "PAGE_BEYOND_END", "no list is that long");
        }
        long total = actions.count(kind);
        return new OperatorActionPage(actions.page(kind, page, size), page, size, total, (total + size - 1) / size);
    }

    @GetMapping("/api/operator-actions/{actionId}")
    @Operation(summary = "One operator action: rebuild:<rebuildId> or alert-rule-change:<changeId>")
    OperatorActions.OperatorAction one(@PathVariable String actionId) {
        return actions.one(actionId)
                .orElseThrow(() -> new NotFoundException(
                        "no operator action " + actionId + " (yet: the read model follows the events within moments)"));
    }
}
