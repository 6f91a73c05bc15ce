package rasad.command.staff;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.springframework.stereotype.Component;
import rasad.kernel.audit.Role;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.staff.PasswordHash;
import rasad.kernel.staff.StaffAccount;
import rasad.kernel.staff.StaffId;
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
    public record Member(
            StaffId staffId, Role role, StaffScope scope, boolean retired, Optional<PasswordHash> password) {

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
        return StaffAccount.replay(eventStore
                        .readEvents(staffId.aggregateId(), 0)
                        .asStream()
                        .map(Message::getPayload)
                        .iterator())
                .map(account ->
                        new Member(staffId, account.role(), account.scope(), account.retired(), account.password()));
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
