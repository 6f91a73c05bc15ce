package rasad.command.alerts;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import rasad.kernel.alerts.AcknowledgeAlert;
import rasad.kernel.alerts.AddAlertNote;
import rasad.kernel.alerts.AlertAcknowledged;
import rasad.kernel.alerts.AlertAssigned;
import rasad.kernel.alerts.AlertCleared;
import rasad.kernel.alerts.AlertEscalated;
import rasad.kernel.alerts.AlertNoted;
import rasad.kernel.alerts.AlertRaised;
import rasad.kernel.alerts.AlertResolution;
import rasad.kernel.alerts.AlertResolved;
import rasad.kernel.alerts.AssignAlert;
import rasad.kernel.alerts.ClearAlert;
import rasad.kernel.alerts.EscalateAlert;
import rasad.kernel.alerts.RaiseAlert;
import rasad.kernel.alerts.ResolveAlert;
import rasad.kernel.audit.AuditMetaData;
import rasad.kernel.audit.Role;
import rasad.kernel.validation.NotResponsible;
import rasad.kernel.validation.RuleViolation;

/**
 * One rule's watch over one subject: the condition comes and goes (each appearance is an episode), and while
 * an episode is open, people triage it. Raising while the condition holds records nothing, so a rule may ask
 * as often as it sees the condition. A resolved episode stays resolved while its condition holds: only when
 * the condition has ended and comes back is a new episode raised.
 */
@Aggregate
public class Alert {

    @AggregateIdentifier
    private String alertId;

    private int episode;
    private boolean conditionHolds;
    private boolean episodeClosed;
    private String facilityId;
    private boolean acknowledged;
    private String assignedInspector;
    private LocalDate assignedDue;
    private String escalatedTo;
    private AlertResolution resolution;
    private String resolutionReason;
    private final Set<String> notes = new HashSet<>();

    protected Alert() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RaiseAlert command) {
        if (conditionHolds) {
            return; // the same open condition: never raised twice
        }
        apply(new AlertRaised(
                command.alertId(),
                episode + 1,
                command.rule(),
                command.severity(),
                command.subject(),
                command.explanation(),
                command.evidence()));
    }

    /** A condition that ends was often never raised (a first job): then there is nothing to clear, and no alert. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ClearAlert command) {
        if (conditionHolds) {
            apply(new AlertCleared(alertId, episode, command.explanation(), command.evidence()));
        }
    }

    @CommandHandler
    public void handle(AcknowledgeAlert command) {
        requireOpen();
        if (!acknowledged) {
            apply(new AlertAcknowledged(alertId, episode, command.note()));
        }
    }

    /** Sends an inspector; the field visit itself is scheduled by {@link AlertFollowUps}. */
    @CommandHandler
    public void handle(AssignAlert command) {
        requireOpen();
        if (facilityId == null) {
            throw new RuleViolation(
                    "NO_FACILITY_TO_VISIT",
                    "alert " + alertId + " is not about one facility; "
                            + "assign the visits of its facilities one by one");
        }
        if (command.inspector().equals(assignedInspector)
                && command.visitDueOn().equals(assignedDue)) {
            return;
        }
        apply(new AlertAssigned(
                alertId, episode, facilityId, command.inspector(), command.visitDueOn(), command.note()));
    }

    /**
     * Managers note anything; an inspector only on an alert assigned to them. A note may come after the episode
     * closed (what was learnt later belongs on the record too).
     */
    @CommandHandler
    public void handle(
            AddAlertNote command,
            @MetaDataValue(AuditMetaData.ACTOR) String actor,
            @MetaDataValue(AuditMetaData.ACTOR_ROLE) String role) {
        if (notes.contains(command.noteId())) {
            return; // the same note, retried
        }
        if (Role.INSPECTOR.code().equals(role) && !actor.equals(assignedInspector)) {
            throw new NotResponsible("NOT_ASSIGNED", "alert " + alertId + " is not assigned to " + actor);
        }
        apply(new AlertNoted(alertId, episode, command.noteId(), command.note()));
    }

    @CommandHandler
    public void handle(EscalateAlert command) {
        requireOpen();
        if (!command.escalateTo().equals(escalatedTo)) {
            apply(new AlertEscalated(alertId, episode, command.escalateTo(), command.reason()));
        }
    }

    @CommandHandler
    public void handle(ResolveAlert command) {
        if (episodeClosed
                && command.resolution() == resolution
                && command.reason().equals(resolutionReason)) {
            return; // the same decision, retried
        }
        requireOpen();
        apply(new AlertResolved(alertId, episode, command.resolution(), facilityId, command.reason()));
    }

    private void requireOpen() {
        if (episodeClosed) {
            throw new RuleViolation(
                    "ALERT_CLOSED",
                    "alert " + alertId + " (episode " + episode + ") is closed"
                            + (resolution != null ? ": resolved as " + resolution : ": its condition no longer holds"));
        }
    }

    @EventSourcingHandler
    void on(AlertRaised event) {
        alertId = event.alertId();
        episode = event.episode();
        facilityId = event.subject().facilityId();
        conditionHolds = true;
        episodeClosed = false;
        acknowledged = false;
        assignedInspector = null;
        assignedDue = null;
        escalatedTo = null;
        resolution = null;
        resolutionReason = null;
    }

    @EventSourcingHandler
    void on(AlertCleared event) {
        conditionHolds = false;
        episodeClosed = true;
    }

    @EventSourcingHandler
    void on(AlertAcknowledged event) {
        acknowledged = true;
    }

    @EventSourcingHandler
    void on(AlertAssigned event) {
        acknowledged = true;
        assignedInspector = event.inspector();
        assignedDue = event.visitDueOn();
    }

    @EventSourcingHandler
    void on(AlertNoted event) {
        notes.add(event.noteId());
    }

    @EventSourcingHandler
    void on(AlertEscalated event) {
        acknowledged = true;
        escalatedTo = event.escalatedTo();
    }

    @EventSourcingHandler
    void on(AlertResolved event) {
        episodeClosed = true;
        resolution = event.resolution();
        resolutionReason = event.reason();
    }
}
