package rasad.command.staff;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import rasad.kernel.audit.Role;
import rasad.kernel.people.PersonName;
import rasad.kernel.staff.RegisterStaffMember;
import rasad.kernel.staff.RetireStaffMember;
import rasad.kernel.staff.SetStaffPassword;
import rasad.kernel.staff.StaffMemberChanged;
import rasad.kernel.staff.StaffMemberRegistered;
import rasad.kernel.staff.StaffMemberReinstated;
import rasad.kernel.staff.StaffMemberRetired;
import rasad.kernel.staff.StaffPasswordSet;
import rasad.kernel.staff.StaffScope;

/**
 * One member of staff on the register: who managers send on visits and who may act for a bank or an agency. Kept
 * as events, so that an auditor can tell who was an inspector of which county on the day a visit was assigned.
 */
@Aggregate
public class StaffMember {

    @AggregateIdentifier
    private String id;

    private PersonName displayName;
    private Role role;
    private StaffScope scope;
    private boolean retired;

    protected StaffMember() {
        // for Axon: rebuilt from its events
    }

    /** Registering the same details again records nothing, so a retried request or a restart changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterStaffMember command) {
        if (id == null) {
            apply(StaffMemberRegistered.from(command));
            return;
        }
        if (retired) {
            apply(new StaffMemberReinstated(command.staffId()));
        }
        if (!command.displayName().equals(displayName)
                || command.role() != role
                || !command.scope().equals(scope)) {
            apply(new StaffMemberChanged(command.staffId(), command.displayName(), command.role(), command.scope()));
        }
    }

    /** Retiring twice changes nothing: the first retirement and its reason stand. */
    @CommandHandler
    public void handle(RetireStaffMember command) {
        if (!retired) {
            apply(new StaffMemberRetired(command.staffId(), command.reason()));
        }
    }

    /** Anyone on the register may be given a password, a retired member too: retirement alone keeps them out. */
    @CommandHandler
    public void handle(SetStaffPassword command) {
        apply(new StaffPasswordSet(command.staffId(), command.passwordHash()));
    }

    @EventSourcingHandler
    void on(StaffMemberRegistered event) {
        id = event.staffId().aggregateId();
        displayName = event.displayName();
        role = event.role();
        scope = event.scope();
    }

    @EventSourcingHandler
    void on(StaffMemberChanged event) {
        displayName = event.displayName();
        role = event.role();
        scope = event.scope();
    }

    @EventSourcingHandler
    void on(StaffMemberRetired event) {
        retired = true;
    }

    @EventSourcingHandler
    void on(StaffMemberReinstated event) {
        retired = false;
    }
}
