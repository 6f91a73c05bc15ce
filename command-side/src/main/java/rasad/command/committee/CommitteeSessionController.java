package rasad.command.committee;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import rasad.command.audittrail.AttributedCommands;
import rasad.edge.problem.FieldErrors;
import rasad.kernel.committee.ApprovePlan;
import rasad.kernel.facility.CommittedJobs;
import rasad.kernel.money.Rials;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.referencedata.ProgrammeCode;
import rasad.kernel.referencedata.ReferenceCode;
import rasad.kernel.validation.InvalidValueException;

@RestController
class CommitteeSessionController {

    static final int MAX_PLANS_PER_SESSION = 1_000;

    private final AttributedCommands commands;

    CommitteeSessionController(AttributedCommands commands) {
        this.commands = commands;
    }

    @PostMapping("/api/committee-sessions")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @Operation(
            summary = "Record a committee session's approved plans (manager)",
            description = "Every plan is checked before any is recorded; each plan is then approved on its own, "
                    + "idempotently, so a retried session records nothing twice.")
    ResponseEntity<SessionRecorded> record(@RequestBody SessionRequest request) {
        FieldErrors errors = new FieldErrors();
        LocalDate heldOn = errors.check("heldOn", () -> FieldErrors.required(request.heldOn(), "session date"));
        List<PlanRequest> plans = request.plans() == null ? List.of() : request.plans();
        if (plans.isEmpty() || plans.size() > MAX_PLANS_PER_SESSION) {
            errors.check("plans", () -> {
                throw new InvalidValueException(
                        "PLANS_COUNT", "a session approves 1 to " + MAX_PLANS_PER_SESSION + " plans");
            });
        }
        String sessionId =
                errors.check("sessionId", () -> ReferenceCode.checkCode(request.sessionId(), "committee session"));
        List<ApprovePlan> approvals = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            PlanRequest plan = plans.get(i);
            String at = "plans[" + i + "]";
            String planId = errors.check(at + ".planId", () -> ReferenceCode.checkCode(plan.planId(), "plan"));
            String title =
                    errors.check(at + ".title", () -> InvalidValueException.requiredText(plan.title(), "plan title"));
            ProgrammeCode programme = errors.check(at + ".programme", () -> ProgrammeCode.of(plan.programme()));
            CountyCode county = errors.check(at + ".county", () -> CountyCode.of(plan.county()));
            Rials amount = errors.check(
                    at + ".amountRials", () -> Rials.positive(FieldErrors.required(plan.amountRials(), "amount")));
            CommittedJobs jobs = errors.check(
                    at + ".committedJobs",
                    () -> CommittedJobs.of(FieldErrors.required(plan.committedJobs(), "committed jobs")));
            boolean checked = sessionId != null
                    && planId != null
                    && title != null
                    && programme != null
                    && county != null
                    && amount != null
                    && jobs != null
                    && heldOn != null;
            ApprovePlan approval = !checked
                    ? null
                    : errors.check(
                            at,
                            () -> new ApprovePlan(planId, sessionId, heldOn, title, programme, county, amount, jobs));
            approvals.add(approval);
        }
        errors.throwIfAny();
        approvals.forEach(commands::send);
        long total = approvals.stream().mapToLong(a -> a.amount().amount()).sum();
        return ResponseEntity.status(201).body(new SessionRecorded(sessionId, approvals.size(), total));
    }

    record SessionRequest(String sessionId, LocalDate heldOn, List<PlanRequest> plans) {}

    record PlanRequest(
            String planId, String title, String programme, String county, Long amountRials, Integer committedJobs) {}

    record SessionRecorded(String sessionId, int plansApproved, long totalRials) {}
}
