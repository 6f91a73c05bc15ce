package rasad.edge.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a signed-in person may still act: each side answers from its staff register, so that someone an
 * admin has retired stops at once, whatever password they still know and whatever token they still hold.
 * Someone not on the register is not refused by it (machines, and people registered by no one yet).
 */
public interface Standing {

    /** Why this person may no longer act, or empty when they may. */
    Optional<String> refusal(RasadUser user);

    /** The same answers, each kept for a while, so that a request costs no lookup in the common case. */
    static Standing remembered(Standing standing, Duration forAtMost, Clock clock) {
        record Answer(Optional<String> refusal, Instant until) {}
        Map<String, Answer> answers = new ConcurrentHashMap<>();
        return user -> {
            Instant now = clock.instant();
            Answer known = answers.get(user.getUsername());
            if (known == null || now.isAfter(known.until())) {
                known = new Answer(standing.refusal(user), now.plus(forAtMost));
                answers.put(user.getUsername(), known);
            }
            return known.refusal();
        };
    }
}
