package rasad.edge.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One token bucket per key (an account, a user, an address), kept while in use and at most so many of them, so
 * that a flood of made-up names cannot fill the memory; a bucket forgotten is a full one.
 */
final class Buckets {

    private static final long MAX_KEYS = 100_000;

    private final Cache<String, Bucket> buckets;
    private final Supplier<Bucket> newBucket;

    private Buckets(Supplier<Bucket> newBucket, Duration idle) {
        this.newBucket = newBucket;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(MAX_KEYS)
                .expireAfterAccess(idle)
                .build();
    }

    /** Every token back at once when the window ends: a lockout lasts until then. */
    static Buckets refilledAtTheEndOf(LimitsProperties.Allowance allowance) {
        return new Buckets(
                () -> Bucket.builder()
                        .addLimit(limit ->
                                limit.capacity(allowance.count()).refillIntervally(allowance.count(), allowance.per()))
                        .build(),
                allowance.per().multipliedBy(2));
    }

    /** Tokens back steadily: a burst of the whole allowance, then its average rate. */
    static Buckets refilledSteadily(LimitsProperties.Allowance allowance) {
        return new Buckets(
                () -> Bucket.builder()
                        .addLimit(limit ->
                                limit.capacity(allowance.count()).refillGreedy(allowance.count(), allowance.per()))
                        .build(),
                allowance.per().multipliedBy(2));
    }

    Bucket of(String key) {
        return buckets.get(key, any -> newBucket.get());
    }

    /** How long until one more is allowed, when none is now. */
    Optional<Duration> waitFor(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null) {
            return Optional.empty();
        }
        var estimate = bucket.estimateAbilityToConsume(1);
        return estimate.canBeConsumed()
                ? Optional.empty()
                : Optional.of(Duration.ofNanos(estimate.getNanosToWaitForRefill()));
    }

    void forget(String key) {
        buckets.invalidate(key);
    }
}
