package rasad.eventstore.engine;

import java.time.Duration;
import java.util.Optional;
import org.axonframework.eventhandling.TrackingToken;

/**
 * How far a processor has read: "n of N events, ETA". Positions come from the token and the store's head;
 * the rate is what the caller measured (events per second over its last interval).
 *
 * @param position the processor's position, 0 before the first event
 * @param head     the store's highest position
 */
public record ProcessingProgress(long position, long head) {

    public static ProcessingProgress of(TrackingToken token, long head) {
        long position = token == null ? 0 : token.position().orElse(0);
        return new ProcessingProgress(Math.min(position, head), head);
    }

    public long behind() {
        return head - position;
    }

    /** From 0 to 1; an empty store counts as caught up. */
    public double fraction() {
        return head == 0 ? 1.0 : (double) position / head;
    }

    /** Time to catch up at the given rate; empty when the processor makes no progress. */
    public Optional<Duration> eta(double eventsPerSecond) {
        if (behind() == 0) {
            return Optional.of(Duration.ZERO);
        }
        if (eventsPerSecond <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) Math.ceil(behind() / eventsPerSecond * 1000)));
    }

    @Override
    public String toString() {
        return String.format("%,d of %,d events (%.1f %%)", position, head, fraction() * 100);
    }
}
