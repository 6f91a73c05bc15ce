package rasad.command.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ScopeAware;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The time rules' clock: a check is a durable deadline (it survives restarts and runs on whichever instance
 * claims it), and when it falls due the rule decides on what the {@value MonitoringProcessor#NAME} processor
 * knows. That knowledge may lag behind the store, so a check first waits until the processor has processed
 * every event recorded before the check fell due: a job registered a second before the deadline counts.
 * <p>A raise and the processor can cross: the processor may learn that the condition ended (a job) while the
 * check raises, and its own clearing find no alert yet. So a check that raised looks once more, as a second
 * check that waits until the processor has seen the raise, and clears the alert if the condition has ended.
 * Checks run on a thread of their own, outside the deadline's unit of work, so that a raise is stored at once.
 */
@Component
public class RuleChecks implements ScopeAware, DisposableBean {

    static final String DEADLINE = "alert-rule-check";
    private static final String DUE_NOW = RuleChecks.class.getName() + ".dueNow";
    private static final Duration RETRY_WHILE_BEHIND = Duration.ofSeconds(2);

    private final DeadlineManager deadlines;
    private final ProcessedThrough processed;
    private final EventStore events;
    private final RuleState states;
    private final FacilityRules facilities;
    private final VisitRules visits;
    private final QuotaRules quotas;
    private volatile Map<String, TimeRule<?>> rules;
    private final ExecutorService checking = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "alert-rule-checks");
        thread.setDaemon(true);
        return thread;
    });

    RuleChecks(
            @Lazy DeadlineManager deadlines,
            ProcessedThrough processed,
            @Lazy EventStore events,
            RuleState states,
            @Lazy FacilityRules facilities,
            @Lazy VisitRules visits,
            @Lazy QuotaRules quotas) {
        this.deadlines = deadlines;
        this.processed = processed;
        this.events = events;
        this.states = states;
        this.facilities = facilities;
        this.visits = visits;
        this.quotas = quotas;
    }

    /** The rules also schedule checks, so they are asked for their time rules only when a check runs. */
    private Map<String, TimeRule<?>> rules() {
        if (rules == null) {
            rules = Map.of(
                    FacilityRules.NO_JOB, facilities.noJob(),
                    FacilityRules.JOBS_DUE, facilities.jobsDue(),
                    VisitRules.VISIT_DUE, visits.visitDue(),
                    QuotaRules.MONTH_END, quotas.monthEnd());
        }
        return rules;
    }

    void schedule(Instant dueAt, String rule, String stateId, String detail) {
        RuleCheck check = new RuleCheck(rule, stateId, detail, false);
        if (dueAt.isAfter(Instant.now()) || !CurrentUnitOfWork.isStarted()) {
            deadlines.schedule(dueAt, DEADLINE, new RuleCheckBatch(List.of(check), null), new RuleCheckScope());
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        List<RuleCheck> dueNow = batch.getResource(DUE_NOW);
        if (dueNow == null) {
            List<RuleCheck> gathered = new ArrayList<>();
            batch.resources().put(DUE_NOW, gathered);
            batch.onPrepareCommit(unitOfWork -> deadlines.schedule(
                    Instant.now(), DEADLINE, new RuleCheckBatch(List.copyOf(gathered), null), new RuleCheckScope()));
            dueNow = gathered;
        }
        dueNow.add(check);
    }

    @Override
    public boolean canResolve(ScopeDescriptor scope) {
        return scope instanceof RuleCheckScope;
    }

    @Override
    public void send(Message<?> message, ScopeDescriptor scope) throws Exception {
        if (message instanceof DeadlineMessage<?> deadline && deadline.getPayload() instanceof RuleCheckBatch checks) {
            try {
                checking.submit(() -> run(checks)).get();
            } catch (ExecutionException failed) {
                throw failed.getCause() instanceof Exception cause ? cause : failed;
            }
        }
    }

    private void run(RuleCheckBatch batch) {
        if (batch.waitForPosition() == null) {
            batch = batch.waitingFor(position(events.createHeadToken()));
        }
        if (processed.position() < batch.waitForPosition()) {
            // the rules have not yet seen everything recorded before the checks fell due: look again shortly
            deadlines.schedule(Instant.now().plus(RETRY_WHILE_BEHIND), DEADLINE, batch, new RuleCheckScope());
            return;
        }
        List<RuleCheck> confirmations = batch.checks().stream()
                .filter(this::decide)
                .map(RuleCheck::confirmation)
                .toList();
        if (!confirmations.isEmpty()) {
            deadlines.schedule(Instant.now(), DEADLINE, new RuleCheckBatch(confirmations, null), new RuleCheckScope());
        }
    }

    /** Runs the check; answers whether it raised an alert, which then needs its confirmation. */
    private boolean decide(RuleCheck check) {
        TimeRule<?> rule = rules().get(check.rule());
        if (rule == null) {
            throw new IllegalStateException("no rule checks " + check.rule());
        }
        if (check.confirming()) {
            rule.confirm(check, states);
            return false;
        }
        return rule.decide(check, states);
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    @Override
    public void destroy() {
        checking.shutdownNow();
    }
}
