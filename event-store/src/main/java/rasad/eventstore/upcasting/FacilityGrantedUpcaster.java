package rasad.eventstore.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import rasad.kernel.facility.FacilityGranted;

/**
 * {@code FacilityGranted} revision 1 (issue 2: beneficiary id and name only) to revision 2: the profile,
 * workplace, branch, funding source and approved plan were not asked then, so they are unknown. The stored
 * event is never rewritten; it is read as the new shape.
 */
public class FacilityGrantedUpcaster extends SingleEventUpcaster {

    private static final String TYPE = FacilityGranted.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPE.equals(representation.getType().getName())
                && "1".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, "2"), JsonNode.class, payload -> {
            ObjectNode upcast = ((ObjectNode) payload).deepCopy();
            upcast.putNull("profile");
            upcast.putNull("workplace");
            upcast.putNull("branch");
            upcast.putNull("fundingSource");
            upcast.putNull("approvedPlan");
            return upcast;
        });
    }
}
