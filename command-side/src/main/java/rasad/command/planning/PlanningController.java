package rasad.command.planning;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import rasad.command.audittrail.AttributedCommands;
import rasad.edge.problem.FieldErrors;
import rasad.kernel.calendar.FiscalYear;
import rasad.kernel.money.Rials;
import rasad.kernel.planning.JobTargetId;
import rasad.kernel.planning.QuotaId;
import rasad.kernel.planning.SetJobTarget;
import rasad.kernel.planning.SetQuota;
import rasad.kernel.planning.TargetScope;
import rasad.kernel.referencedata.ProgrammeCode;
import rasad.kernel.text.TypedEnum;
import rasad.kernel.validation.InvalidValueException;

/** Targets and quotas of a fiscal year, set and revised by the committee's managers. PUT: setting is idempotent. */
@RestController
@RequestMapping("/api/planning")
@PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
class PlanningController {

    private final AttributedCommands commands;

    PlanningController(AttributedCommands commands) {
        this.commands = commands;
    }

    @PutMapping("/{fiscalYear}/targets/{scopeKind}/{scopeCode}")
    @Operation(
            summary = "Set or revise a job target (PROVINCE, AGENCY or PROGRAMME scope)",
            description = "The same number again records nothing; another number is a revision: 409 "
                    + "REVISION_WITHOUT_REASON unless a reason is given.")
    Map<String, Object> setTarget(
            @PathVariable String fiscalYear,
            @PathVariable String scopeKind,
            @PathVariable String scopeCode,
            @RequestBody TargetRequest request) {
        FieldErrors errors = new FieldErrors();
        FiscalYear year = errors.check("fiscalYear", () -> FiscalYear.of(parseYear(fiscalYear)));
        TargetScope.Kind kind = errors.check("scopeKind", () -> parse(TargetScope.Kind.class, scopeKind, "scopeKind"));
        TargetScope scope = kind == null ? null : errors.check("scopeCode", () -> new TargetScope(kind, scopeCode));
        Integer jobs = errors.check("jobs", () -> FieldErrors.required(request.jobs(), "jobs"));
        errors.throwIfAny();
        SetJobTarget command =
                checked("jobs", () -> new SetJobTarget(new JobTargetId(year, scope), jobs, request.reason()));
        commands.send(command, command.reason());
        return Map.of("target", command.id().toString(), "jobs", command.jobs());
    }

    @PutMapping("/{fiscalYear}/quotas/{holderKind}/{holder}/{programme}/{fundingSource}")
    @Operation(
            summary = "Set or revise a quota of a bank or support institution (BANK or AGENCY holder)",
            description = "The same amount again records nothing; another amount is a revision and needs a reason.")
    Map<String, Object> setQuota(
            @PathVariable String fiscalYear,
            @PathVariable String holderKind,
            @PathVariable String holder,
            @PathVariable String programme,
            @PathVariable String fundingSource,
            @RequestBody QuotaRequest request) {
        FieldErrors errors = new FieldErrors();
        FiscalYear year = errors.check("fiscalYear", () -> FiscalYear.of(parseYear(fiscalYear)));
        QuotaId.HolderKind kind =
                errors.check("holderKind", () -> parse(QuotaId.HolderKind.class, holderKind, "holderKind"));
        ProgrammeCode programmeCode = errors.check("programme", () -> ProgrammeCode.of(programme));
        QuotaId id = kind == null || year == null || programmeCode == null
                ? null
                : errors.check("holder", () -> new QuotaId(year, kind, holder, programmeCode, fundingSource));
        Rials amount = errors.check(
                "amountRials", () -> Rials.positive(FieldErrors.required(request.amountRials(), "amount")));
        errors.throwIfAny();
        SetQuota command = new SetQuota(id, amount, request.reason());
        commands.send(command, command.reason());
        return Map.of("quota", id.toString(), "amountRials", amount.amount());
    }

    private static <T> T checked(String field, Supplier<T> build) {
        FieldErrors errors = new FieldErrors();
        T value = errors.check(field, build);
        errors.throwIfAny();
        return value;
    }

    private static int parseYear(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notANumber) {
            throw new InvalidValueException(
                    "FISCAL_YEAR_OUT_OF_RANGE", "a fiscal year is a Solar Hijri year, e.g. 1403");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
        return TypedEnum.parse(type, value, "UNKNOWN_" + what.toUpperCase().replace("KIND", "_KIND"), what);
    }

    record TargetRequest(Integer jobs, String reason) {}

    record QuotaRequest(Long amountRials, String reason) {}
}
