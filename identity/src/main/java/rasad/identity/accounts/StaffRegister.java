package rasad.identity.accounts;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.springframework.stereotype.Component;
import rasad.kernel.staff.StaffAccount;
import rasad.kernel.staff.StaffId;
import rasad.kernel.validation.InvalidValueException;

/**
 * The staff register as the provider reads it: each member's own events, from the store the command side
 * writes, at every sign-in and every refresh, so that a retirement or a new password counts at once.
 */
@Component
class StaffRegister {

    private final EventStore events;

    StaffRegister(EventStore events) {
        this.events = events;
    }

    Optional<StaffAccount> find(String name) {
        StaffId staffId;
        try {
            staffId = StaffId.of(name);
        } catch (InvalidValueException notAName) {
            return Optional.empty();
        }
        // from the first event, never a snapshot: the provider knows the events, not the aggregate
        return StaffAccount.replay(events.readEvents(staffId.aggregateId(), 0)
                .asStream()
                .map(Message::getPayload)
                .iterator());
    }
}
