package rasad.query.processing;

import java.util.Map;
import java.util.TreeSet;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import rasad.kernel.operations.ReadModelRebuildRequested;

/**
 * Receives the rebuild requests admins record on the command side, and marks each as requested for its read model
 * (a compare-and-set in {@code read_model_generations}); {@link ReadModelRebuilds} then starts it on the instance
 * that holds the read model's processor, which need not be this one. A request for a read model this side does not
 * keep, or while another rebuild of it is requested or running, is refused (listed with its reason among the
 * operator actions).
 * <p>Its own tracking processor, one segment, which starts at the head of the store the first time it is created:
 * a fresh query side builds every read model from the first event anyway and must not carry out old requests again.
 * A handler that fails stops the processor, which retries, instead of dropping the request.
 */
@Component
@ProcessingGroup(ReadModelRebuildRequests.PROCESSOR)
class ReadModelRebuildRequests {

    static final String PROCESSOR = "read-model-rebuild-requests";

    private final ReadModelCollections collections;
    private final RebuildProgress progress;

    ReadModelRebuildRequests(ReadModelCollections collections, RebuildProgress progress) {
        this.collections = collections;
        this.progress = progress;
    }

    @Autowired
    void startAtTheHead(EventProcessingConfigurer processing) {
        processing.registerTrackingEventProcessor(
                PROCESSOR,
                Configuration::eventStore,
                configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
        processing.registerListenerInvocationErrorHandler(
                PROCESSOR, configuration -> PropagatingErrorHandler.instance());
    }

    /** Idempotent: a request already seen (marked, started, finished or refused) is left as it is. */
    @EventHandler
    void on(ReadModelRebuildRequested requested) {
        String rebuildId = requested.rebuildId().value();
        String readModel = requested.readModel();
        if (progress.of(rebuildId).isPresent()) {
            return;
        }
        if (collections.readModel(readModel).isEmpty()) {
            progress.refused(
                    rebuildId,
                    readModel,
                    "UNKNOWN_READ_MODEL",
                    "the query side keeps no rebuildable read model " + "named " + readModel + "; it rebuilds "
                            + new TreeSet<>(collections.rebuildable()));
            return;
        }
        Map.Entry<ReadModelCollections.Marking, String> marked = collections.markRequested(readModel, rebuildId);
        if (marked.getKey() == ReadModelCollections.Marking.BUSY) {
            progress.refused(
                    rebuildId,
                    readModel,
                    "REBUILD_IN_PROGRESS",
                    readModel + " is already being rebuilt (rebuild " + marked.getValue()
                            + "); ask again once it has switched over");
        } else {
            progress.requested(rebuildId, readModel);
        }
    }
}
