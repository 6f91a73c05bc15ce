package rasad.command.referencedata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import rasad.edge.problem.FieldError;
import rasad.edge.problem.InvalidFieldsException;
import rasad.kernel.referencedata.ReferenceEntryId;
import rasad.kernel.referencedata.ReferenceEntryRetired;

/**
 * A retired programme, bank, agency, county, branch or funding source is history: what was recorded under it
 * stays, but no new record may name it. Read from the entry's own events, so the command side needs no read
 * model; a code never added as reference data is not refused here (reference data may be loaded later).
 */
@Component
public class RetiredCodes {

    private final EventStore eventStore;

    RetiredCodes(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Each field naming a retired entry is refused at once, with REFERENCE_CODE_RETIRED; nulls are skipped. */
    public void refuse(Map<String, ReferenceEntryId> entriesByField) {
        List<FieldError> refused = new ArrayList<>();
        entriesByField.forEach((field, entry) -> {
            if (entry != null && retired(entry)) {
                refused.add(new FieldError(
                        field,
                        "REFERENCE_CODE_RETIRED",
                        entry.kind().label() + " " + entry.code() + " was retired and takes no new records"));
            }
        });
        if (!refused.isEmpty()) {
            throw new InvalidFieldsException(refused);
        }
    }

    private boolean retired(ReferenceEntryId entry) {
        return eventStore
                .readEvents(entry.toString(), 0)
                .asStream()
                .anyMatch(event -> event.getPayload() instanceof ReferenceEntryRetired);
    }
}
