package rasad.command.staff;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import rasad.kernel.audit.Role;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.staff.StaffId;
import rasad.kernel.staff.StaffMemberChanged;
import rasad.kernel.staff.StaffMemberRegistered;
import rasad.kernel.staff.StaffMemberReinstated;
import rasad.kernel.staff.StaffMemberRetired;
import rasad.kernel.staff.StaffScope;
import rasad.kernel.validation.InvalidValueException;

/**
 * Who is on the staff register, read from each member's own events, so the command side needs no read model:
 * every assignment, sample and visit is checked against it.
 */
@Component
public class StaffRegister {

    private final EventStore eventStore;

    StaffRegister(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** A member as registered now. */
    public record Member(StaffId staffId, Role role, StaffScope scope, boolean retired) {

        boolean activeInspector() {
            return role == Role.INSPECTOR && !retired;
        }

        /** Whether the member may visit a facility of this county now. */
        public boolean inspects(CountyCode county) {
            return activeInspector() && scope.covers(county);
        }
    }

    public Optional<Member> find(String name) {
        StaffId staffId;
        try {
            staffId = StaffId.of(name);
        } catch (InvalidValueException notAName) {
            return Optional.empty();
        }
        Member member = null;
        var events = eventStore.readEvents(staffId.aggregateId(), 0);
        while (events.hasNext()) {
            Object payload = events.next().getPayload();
            if (payload instanceof StaffMemberRegistered registered) {
                member = new Member(staffId, registered.role(), registered.scope(), false);
            } else if (payload instanceof StaffMemberChanged changed && member != null) {
                member = new Member(staffId, changed.role(), changed.scope(), member.retired());
            } else if (payload instanceof StaffMemberRetired && member != null) {
                member = new Member(staffId, member.role(), member.scope(), true);
            } else if (payload instanceof StaffMemberReinstated && member != null) {
                member = new Member(staffId, member.role(), member.scope(), false);
            }
        }
        return Optional.ofNullable(member);
    }

    /**
     * The inspector a visit is given to or recorded by: registered, not retired, and covering the facility's county
     * (null: any county, as when a sample's plans are shared out). Refused with UNKNOWN_INSPECTOR or
     * INSPECTOR_OUT_OF_SCOPE.
     */
    public Member requireInspector(String name, CountyCode county) {
        Member member = find(name)
                .filter(Member::activeInspector)
                .orElseThrow(() -> new InvalidValueException(
                        "UNKNOWN_INSPECTOR", name + " is not an inspector on the staff register"));
        if (county != null && !member.scope().covers(county)) {
            throw new InvalidValueException(
                    "INSPECTOR_OUT_OF_SCOPE",
                    name + " inspects in " + member.scope().county() + ", not in " + county);
        }
        return member;
    }
}
