package rasad.query.audit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import rasad.kernel.alerts.AlertSubject;
import rasad.kernel.audit.AuditMetaData;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.verification.JobVerificationId;

/**
 * Indexes every event about a facility — its own, its jobs', their checks and follow-ups, its visits, findings
 * and alerts — by global position, so that a case's history is read by position from the event store itself,
 * never from a copy that could differ from it.
 */
@Component
@ProcessingGroup(CaseIndex.PROCESSING_GROUP)
class CaseIndexProjection {

    private final CaseIndex index;

    CaseIndexProjection(CaseIndex index) {
        this.index = index;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event, TrackingToken token) {
        Optional<String> alertId = component(payload, "alertId", String.class);
        Optional<String> facility = facilityOf(payload).or(() -> alertId.flatMap(index::facilityOfAlert));
        if (facility.isEmpty()) {
            return;
        }
        alertId.ifPresent(alert -> index.alertConcerns(alert, facility.get()));
        MetaData metaData = event.getMetaData();
        String aggregateId = event instanceof org.axonframework.eventhandling.DomainEventMessage<?> domain
                ? domain.getAggregateIdentifier() : null;
        index.add(facility.get(), new IndexedEvent(token.position().orElseThrow(), event.getIdentifier(),
                payload.getClass().getSimpleName(), aggregateId,
                instant(metaData.get(AuditMetaData.OCCURRED_AT), event.getTimestamp()),
                instant(metaData.get(AuditMetaData.RECORDED_AT), event.getTimestamp()),
                (String) metaData.get(AuditMetaData.ACTOR)));
    }

    private static Instant instant(Object value, Instant otherwise) {
        return value == null ? otherwise : Instant.parse(value.toString());
    }

    /** A {@link FacilityId}, a job verification's id, an alert's subject, or a field named {@code facilityId}. */
    static Optional<String> facilityOf(Object payload) {
        if (!payload.getClass().isRecord()) {
            return Optional.empty();
        }
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            Object value = read(component, payload);
            if (value instanceof FacilityId facility) {
                return Optional.of(facility.value());
            }
            if (value instanceof JobVerificationId verification) {
                return Optional.of(verification.facilityId().value());
            }
            if (value instanceof AlertSubject subject && subject.facilityId() != null) {
                return Optional.of(subject.facilityId());
            }
            if (component.getName().equals("facilityId") && value instanceof String facility) {
                return Optional.of(facility);
            }
        }
        return Optional.empty();
    }

    private static <T> Optional<T> component(Object payload, String name, Class<T> type) {
        if (!payload.getClass().isRecord()) {
            return Optional.empty();
        }
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            if (component.getName().equals(name) && type.isInstance(read(component, payload))) {
                return Optional.of(type.cast(read(component, payload)));
            }
        }
        return Optional.empty();
    }

    private static Object read(RecordComponent component, Object payload) {
        try {
            return component.getAccessor().invoke(payload);
        } catch (IllegalAccessException | InvocationTargetException unreadable) {
            throw new IllegalStateException("cannot read " + component + " of an event", unreadable);
        }
    }
}
