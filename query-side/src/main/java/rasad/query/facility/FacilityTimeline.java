package rasad.query.facility;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import rasad.kernel.audit.AuditMetaData;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.verification.JobVerificationId;

/**
 * Adds every event about a facility to its case's short timeline, with who, on whose behalf and why. Runs in
 * the facilities processor after {@link FacilityProjection}, which creates the case.
 */
@Component
@Order(2) // the case first, then its timeline
@ProcessingGroup(FacilityProjection.PROCESSING_GROUP)
class FacilityTimeline {

    private final FacilityReadModel readModel;

    FacilityTimeline(FacilityReadModel readModel) {
        this.readModel = readModel;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        facilityOf(payload).ifPresent(facilityId -> {
            MetaData metaData = event.getMetaData();
            Object occurredAt = metaData.getOrDefault(AuditMetaData.OCCURRED_AT, null);
            Date at = occurredAt == null
                    ? Date.from(event.getTimestamp())
                    : Date.from(Instant.parse(occurredAt.toString()));
            readModel.timelineStep(
                    facilityId,
                    event.getIdentifier(),
                    new Document("event", payload.getClass().getSimpleName())
                            .append("at", at)
                            .append("actor", metaData.get(AuditMetaData.ACTOR))
                            .append("actorRole", metaData.get(AuditMetaData.ACTOR_ROLE))
                            .append("onBehalfOf", metaData.get(AuditMetaData.ON_BEHALF_OF))
                            .append("reason", metaData.get(AuditMetaData.REASON)));
        });
    }

    /** The facility an event is about: a {@link FacilityId} component, or one inside a job verification's id. */
    static Optional<String> facilityOf(Object payload) {
        if (!payload.getClass().isRecord()) {
            return Optional.empty();
        }
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(payload);
            } catch (IllegalAccessException | InvocationTargetException unreadable) {
                return Optional.empty();
            }
            if (value instanceof FacilityId facility) {
                return Optional.of(facility.value());
            }
            if (value instanceof JobVerificationId verification) {
                return Optional.of(verification.facilityId().value());
            }
        }
        return Optional.empty();
    }
}
