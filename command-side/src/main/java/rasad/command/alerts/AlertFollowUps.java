package rasad.command.alerts;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;
import rasad.kernel.alerts.AlertAssigned;
import rasad.kernel.alerts.AlertIds;
import rasad.kernel.alerts.AlertResolution;
import rasad.kernel.alerts.AlertResolved;
import rasad.kernel.audit.AuditMetaData;
import rasad.kernel.diversion.DecideDiversionFinding;
import rasad.kernel.diversion.RecordDiversionFinding;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.sampling.AssignFieldVisit;

/**
 * What a triage step sets going elsewhere: an assignment schedules the inspector's field visit (it appears on
 * their worklist), a confirmed diversion records the finding and its confirmation, which asks for the loan's
 * recall. A tracking processor, so that a crash between the step and its consequence only delays the latter;
 * both consequences are idempotent commands, so a redelivered event records nothing twice. They carry the
 * triage step's metadata: the manager who decided is the one who asked.
 */
@Component
@ProcessingGroup(AlertFollowUps.PROCESSOR)
class AlertFollowUps {

    static final String PROCESSOR = "alert-follow-ups";
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    private final CommandGateway commands;

    AlertFollowUps(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(AlertAssigned assigned, EventMessage<?> message) {
        FacilityId facility = FacilityId.of(assigned.facilityId());
        commands.sendAndWait(asFollowUp(
                new AssignFieldVisit(
                        AssignFieldVisit.inspectionOf(facility),
                        facility,
                        "alert-" + AlertIds.digest(assigned.alertId() + "#" + assigned.episode()),
                        assigned.inspector(),
                        assigned.visitDueOn()),
                message));
    }

    @EventHandler
    void on(AlertResolved resolved, EventMessage<?> message) {
        if (resolved.resolution() != AlertResolution.DIVERSION_CONFIRMED || resolved.facilityId() == null) {
            return;
        }
        String findingId = "alert-" + AlertIds.digest(resolved.alertId() + "#" + resolved.episode());
        LocalDate observedOn = LocalDate.ofInstant(message.getTimestamp(), TEHRAN);
        commands.sendAndWait(asFollowUp(
                new RecordDiversionFinding(
                        findingId,
                        FacilityId.of(resolved.facilityId()),
                        observedOn,
                        "alert " + resolved.alertId() + " (episode " + resolved.episode() + "): " + resolved.reason(),
                        List.of()),
                message));
        commands.sendAndWait(asFollowUp(new DecideDiversionFinding(findingId, true, resolved.reason()), message));
    }

    private static CommandMessage<?> asFollowUp(Object command, EventMessage<?> cause) {
        return GenericCommandMessage.asCommandMessage(command)
                .withMetaData(cause.getMetaData()
                        .subset(
                                AuditMetaData.ACTOR,
                                AuditMetaData.ACTOR_ROLE,
                                AuditMetaData.ON_BEHALF_OF,
                                AuditMetaData.REASON));
    }
}
