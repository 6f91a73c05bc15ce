package rasad.command.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ScopeAware;
import org.axonframework.messaging.ScopeDescriptor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The time rules' clock: a check is a durable deadline (it survives restarts and runs on whichever instance
 * claims it), and when it falls due the rule decides on what the {@value MonitoringProcessor#NAME} processor
 * knows. That knowledge may lag behind the store, so a check first waits until the processor has processed
 * every event recorded before the check fell due: a job registered a second before the deadline counts.
 * <p>A check runs on a thread of its own, outside the deadline's unit of work, so that the alert it raises is
 * stored before the rule looks at its facts once more: if the processor learnt in between that the condition
 * ended, the rule clears the alert itself (the processor's own clearing may have come too early to see it).
 */
@Component
public class RuleChecks implements ScopeAware, DisposableBean {

    static final String DEADLINE = "alert-rule-check";
    private static final Duration RETRY_WHILE_BEHIND = Duration.ofSeconds(2);

    private final DeadlineManager deadlines;
    private final ProcessedThrough processed;
    private final EventStore events;
    private final Map<String, Consumer<RuleCheck>> rules;
    private final ExecutorService checking = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "alert-rule-checks");
        thread.setDaemon(true);
        return thread;
    });

    RuleChecks(@Lazy DeadlineManager deadlines, ProcessedThrough processed, @Lazy EventStore events,
               @Lazy FacilityRules facilities, @Lazy QuotaRules quotas) {
        this.deadlines = deadlines;
        this.processed = processed;
        this.events = events;
        this.rules = Map.of(
                FacilityRules.NO_JOB, facilities::checkNoJob,
                FacilityRules.JOBS_DUE, facilities::checkJobsDue,
                FacilityRules.VISIT_DUE, facilities::checkVisitDue,
                QuotaRules.MONTH_END, quotas::checkMonthEnd);
    }

    void schedule(Instant dueAt, String rule, String stateId, String detail) {
        deadlines.schedule(dueAt, DEADLINE, new RuleCheck(rule, stateId, detail, null), new RuleCheckScope());
    }

    @Override
    public boolean canResolve(ScopeDescriptor scope) {
        return scope instanceof RuleCheckScope;
    }

    @Override
    public void send(Message<?> message, ScopeDescriptor scope) throws Exception {
        if (!(message instanceof DeadlineMessage<?> deadline) || !(deadline.getPayload() instanceof RuleCheck check)) {
            return;
        }
        try {
            checking.submit(() -> run(check)).get();
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof Exception cause ? cause : failed;
        }
    }

    private void run(RuleCheck check) {
        if (check.waitForPosition() == null) {
            check = check.waitingFor(position(events.createHeadToken()));
        }
        if (processed.position() < check.waitForPosition()) {
            // the rules have not yet seen everything recorded before the check fell due: look again shortly
            deadlines.schedule(Instant.now().plus(RETRY_WHILE_BEHIND), DEADLINE, check, new RuleCheckScope());
            return;
        }
        Consumer<RuleCheck> rule = rules.get(check.rule());
        if (rule == null) {
            throw new IllegalStateException("no rule checks " + check.rule());
        }
        rule.accept(check);
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    @Override
    public void destroy() {
        checking.shutdownNow();
    }
}
