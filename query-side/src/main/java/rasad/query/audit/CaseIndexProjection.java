package rasad.query.audit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;
import rasad.eventstore.engine.RasadEventStorageEngine;
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
        Set<String> facilities = facilitiesOf(payload);
        if (!facilities.isEmpty()) {
            alertId.ifPresent(
                    alert -> index.alertConcerns(alert, facilities.iterator().next()));
        } else {
            alertId.flatMap(index::facilityOfAlert).ifPresent(facilities::add);
        }
        if (facilities.isEmpty()) {
            return;
        }
        String aggregateId = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        IndexedEvent indexed = new IndexedEvent(
                positionOf(event, token),
                event.getIdentifier(),
                payload.getClass().getSimpleName(),
                aggregateId,
                (String) event.getMetaData().get(AuditMetaData.ACTOR));
        facilities.forEach(facility -> index.add(facility, indexed));
    }

    /**
     * The event's own global position, as the engine read it from the store. A gap-aware token's position is
     * the high-water mark: an event delivered late to fill a gap sits below it, and indexing the mark would
     * point the case at another event. The token is used only for events the engine did not mark.
     */
    private static long positionOf(EventMessage<?> event, TrackingToken token) {
        OptionalLong own = RasadEventStorageEngine.positionOf(event);
        return own.isPresent() ? own.getAsLong() : token.position().orElseThrow();
    }

    /**
     * Every facility an event is about: its {@link FacilityId}s (a refused job claim names two), a job
     * verification's, an alert's subject's, a field named {@code facilityId}, and those of the records in its
     * lists (a sample's frame).
     */
    static Set<String> facilitiesOf(Object payload) {
        Set<String> facilities = new LinkedHashSet<>();
        if (!payload.getClass().isRecord()) {
            return facilities;
        }
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            Object value = read(component, payload);
            if (value instanceof FacilityId facility) {
                facilities.add(facility.value());
            } else if (value instanceof JobVerificationId verification) {
                facilities.add(verification.facilityId().value());
            } else if (value instanceof AlertSubject subject && subject.facilityId() != null) {
                facilities.add(subject.facilityId());
            } else if (component.getName().equals("facilityId") && value instanceof String facility) {
                facilities.add(facility);
            } else if (value instanceof List<?> items) {
                items.stream()
                        .filter(item -> item != null && item.getClass().isRecord())
                        .forEach(item -> facilities.addAll(facilitiesOf(item)));
            }
        }
        return facilities;
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
