package rasad.query.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import rasad.eventstore.engine.RasadEventStorageEngine;
import rasad.query.asof.ProjectionFold;
import rasad.query.asof.TimeAxis;

/**
 * The province dashboard as of an instant: the live {@link DashboardProjection} folded over every event known
 * (recorded) or true (occurred) by then, into memory — "what did month 10's report say" and "what do we know
 * now about month 10" are the same code over two different sets of events.
 * <p>A fold reads the whole store up to its head, so results are kept: one as of a recorded instant well past
 * the store's gap timeout can never change (nothing recorded before it can be appended any more); others are
 * kept only while the head of the store has not moved.
 */
@Component
class DashboardAsOf {

    private static final int KEPT = 16;

    private final RasadEventStorageEngine store;
    private final Clock clock;
    /** Once an instant is this far behind, nothing recorded before it can still be appended. */
    private final Duration settledAfter;

    private final Map<String, DashboardFigures> kept =
            Collections.synchronizedMap(new LinkedHashMap<>(KEPT, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, DashboardFigures> eldest) {
                    return size() > KEPT;
                }
            });

    DashboardAsOf(
            RasadEventStorageEngine store,
            Clock clock,
            @Value("${rasad.event-store.gap-timeout:PT60S}") Duration gapTimeout) {
        this.store = store;
        this.clock = clock;
        // a writer holding a position longer than the gap timeout is fenced: its commit can never land
        this.settledAfter = gapTimeout.multipliedBy(2);
    }

    DashboardFigures figures(Instant at, TimeAxis axis) {
        long head = store.headPosition();
        boolean settled =
                axis == TimeAxis.RECORDED && at.isBefore(clock.instant().minus(settledAfter));
        String key = axis + "@" + at + (settled ? "" : "#" + head);
        DashboardFigures known = kept.get(key);
        if (known != null) {
            return known;
        }
        DashboardFigures folded = fold(at, axis, head);
        kept.put(key, folded);
        return folded;
    }

    private DashboardFigures fold(Instant at, TimeAxis axis, long head) {
        DashboardMemory memory = new DashboardMemory();
        ProjectionFold fold = ProjectionFold.of(new DashboardProjection(memory));
        store.forEachStoredEvent(1, head, stored -> {
            if (axis.includes(stored, at)) {
                store.message(stored).ifPresent(fold::apply);
            }
        });
        return new DashboardFigures(memory.figuresOnly());
    }
}
