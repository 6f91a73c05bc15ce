package rasad.eventstore.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import rasad.kernel.alerts.AlertCleared;
import rasad.kernel.alerts.AlertRaised;

/**
 * {@code AlertRaised} and {@code AlertCleared} revision 1 to revision 2: each evidence gained {@code occurredAt},
 * when what it shows happened. Revision 1 did not say, so it is unknown (the evidence's time is its recording).
 * The stored event is never rewritten; it is read as the new shape.
 */
public class AlertEvidenceUpcaster extends SingleEventUpcaster {

    private static final Set<String> TYPES = Set.of(AlertRaised.class.getName(), AlertCleared.class.getName());

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPES.contains(representation.getType().getName())
                && "1".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String type = representation.getType().getName();
        return representation.upcastPayload(new SimpleSerializedType(type, "2"), JsonNode.class, payload -> {
            ObjectNode upcast = ((ObjectNode) payload).deepCopy();
            JsonNode evidence = upcast.get("evidence");
            if (evidence != null && evidence.isArray()) {
                evidence.forEach(item -> {
                    if (item instanceof ObjectNode object && !object.has("occurredAt")) {
                        object.putNull("occurredAt");
                    }
                });
            }
            return upcast;
        });
    }
}
