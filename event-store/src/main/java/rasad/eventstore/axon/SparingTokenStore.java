package rasad.eventstore.axon;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;

/**
 * Axon's Mongo token store, but an idle processor's claim is written a few times per claim timeout instead of
 * every second. A tracking processor with nothing to do extends its claim each time it has waited a second for
 * events: with a dozen processors that is a dozen writes a second on a Rasad at rest. The claim stays as safe:
 * another node may take it only once it is older than the claim timeout, and it is never left older than
 * {@code refreshEvery}, a fraction of that.
 */
final class SparingTokenStore extends MongoTokenStore {

    private final long refreshEveryNanos;
    /** When this process last wrote each of its claims (processor and segment), as {@link System#nanoTime()}. */
    private final Map<String, Long> claimWrittenAt = new ConcurrentHashMap<>();

    SparingTokenStore(MongoTokenStore.Builder builder, Duration refreshEvery) {
        super(builder);
        this.refreshEveryNanos = refreshEvery.toNanos();
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        Long writtenAt = claimWrittenAt.get(key(processorName, segment));
        if (writtenAt != null && System.nanoTime() - writtenAt < refreshEveryNanos) {
            return;
        }
        super.extendClaim(processorName, segment);
        written(processorName, segment);
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        super.storeToken(token, processorName, segment);
        written(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        TrackingToken token = super.fetchToken(processorName, segment);
        written(processorName, segment);
        return token;
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        claimWrittenAt.remove(key(processorName, segment));
        super.releaseClaim(processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        claimWrittenAt.remove(key(processorName, segment));
        super.deleteToken(processorName, segment);
    }

    private void written(String processorName, int segment) {
        claimWrittenAt.put(key(processorName, segment), System.nanoTime());
    }

    private static String key(String processorName, int segment) {
        return processorName + '#' + segment;
    }
}
