package rasad.edge.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Whether a signed-in person may still act: each side answers from its staff register, so that someone an
 * admin has retired stops at once, whatever password they still know and whatever token they still hold.
 * Someone not on the register is not refused by it (machines, and people registered by no one yet).
 */
public interface Standing {

    /** Why this person may no longer act, or empty when they may. */
    Optional<String> refusal(RasadUser user);

    /** Forget what is known of this person, so that the next request asks again: after their retirement, say. */
    default void forget(String name) {}

    /**
     * Standing read from a staff register: someone it says was retired is refused, anyone else (not on it, or on
     * it and active) may act; each good answer kept five seconds.
     */
    static Standing retiredFrom(Predicate<String> retired, Clock clock) {
        return remembered(
                user -> retired.test(user.getUsername())
                        ? Optional.of(user.getUsername() + " was retired from the staff register")
                        : Optional.empty(),
                Duration.ofSeconds(5),
                clock);
    }

    /**
     * Good standing kept for a while, so that a request costs no lookup in the common case; a refusal is never
     * kept, so that someone reinstated is back from their next request.
     */
    static Standing remembered(Standing standing, Duration forAtMost, Clock clock) {
        Map<String, Instant> inGoodStanding = new ConcurrentHashMap<>();
        return new Standing() {
            @Override
            public Optional<String> refusal(RasadUser user) {
                Instant now = clock.instant();
                Instant until = inGoodStanding.get(user.getUsername());
                if (until != null && !now.isAfter(until)) {
                    return Optional.empty();
                }
                Optional<String> refusal = standing.refusal(user);
                if (refusal.isEmpty()) {
                    inGoodStanding.put(user.getUsername(), now.plus(forAtMost));
                } else {
                    inGoodStanding.remove(user.getUsername());
                }
                return refusal;
            }

            @Override
            public void forget(String name) {
                inGoodStanding.remove(name);
            }
        };
    }
}
