package rasad.query.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.alerts.Severity;
import rasad.query.alerts.AlertsApiTest;

/**
 * The rebuild requests' processor, created for the first time on a store that already holds events (old requests
 * among them), starts at its head; the read models' processors start at its tail.
 */
class ReadModelRebuildRequestsTest extends AlertsApiTest {

    @Test
    void the_requests_processor_starts_at_the_head_of_the_store_and_the_read_models_at_its_tail() {
        for (String facility : new String[] {"head-1", "head-2", "head-3"}) {
            raise(
                    "r10." + facility,
                    1,
                    AlertRule.R10,
                    Severity.CRITICAL,
                    subject(facility, "bank-melli", "tabriz", "agency-head", "HOME_BUSINESS"),
                    daysAgo(1, 0));
        }
        long head = engine.headPosition();

        TrackingToken requests = initialToken(ReadModelRebuildRequests.PROCESSOR);
        TrackingToken alerts = initialToken("alerts");

        assertThat(requests.position()).hasValue(head);
        assertThat(head).isGreaterThanOrEqualTo(2);
        assertThat(alerts == null ? -1 : alerts.position().orElse(-1)).isLessThan(1);
    }

    @SuppressWarnings("unchecked")
    private TrackingToken initialToken(String processorName) {
        TrackingEventProcessor processor = processing
                .eventProcessor(processorName, TrackingEventProcessor.class)
                .orElseThrow();
        var initial = (Function<StreamableMessageSource<TrackedEventMessage<?>>, TrackingToken>)
                ReflectionTestUtils.getField(processor, "initialTrackingTokenBuilder");
        return initial.apply(eventStore);
    }
}
