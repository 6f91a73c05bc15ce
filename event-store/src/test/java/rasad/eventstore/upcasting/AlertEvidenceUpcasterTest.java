package rasad.eventstore.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import rasad.eventstore.axon.MessageSerialization;
import rasad.kernel.alerts.AlertCleared;
import rasad.kernel.alerts.AlertRaised;
import rasad.kernel.facility.FacilityGranted;

class AlertEvidenceUpcasterTest {

    /** An alert as revision 1 stored it: its evidence without the time it happened. */
    private static final String REVISION_1 =
            "{\"alertId\":\"r3.f-1\",\"episode\":1,\"rule\":\"R3\",\"severity\":\"MEDIUM\","
                    + "\"subject\":{\"facilityId\":\"f-1\",\"bank\":\"bank-melli\",\"county\":\"tabriz\",\"agency\":null,"
                    + "\"programme\":\"HOME_BUSINESS\",\"description\":\"facility f-1\"},\"explanation\":\"denied\","
                    + "\"evidence\":[{\"eventId\":\"e-1\",\"eventType\":\"SmsCheckRecorded\","
                    + "\"recordedAt\":\"2025-05-01T08:00:00Z\",\"summary\":\"denied\"}]}";

    private final AlertEvidenceUpcaster upcaster = new AlertEvidenceUpcaster();

    @Test
    void a_revision_1_alert_is_read_as_revision_2_with_each_evidence_time_unknown() {
        for (Class<?> type : List.of(AlertRaised.class, AlertCleared.class)) {
            List<IntermediateEventRepresentation> upcast =
                    upcaster.upcast(Stream.of(stored(type, "1", REVISION_1))).toList();

            assertThat(upcast).hasSize(1);
            assertThat(upcast.get(0).getType().getRevision())
                    .as(type.getSimpleName())
                    .isEqualTo("2");
            JsonNode evidence = upcast.get(0)
                    .getData(JsonNode.class)
                    .getData()
                    .get("evidence")
                    .get(0);
            assertThat(evidence.has("occurredAt")).isTrue();
            assertThat(evidence.get("occurredAt").isNull()).isTrue();
            assertThat(evidence.get("recordedAt").asText()).isEqualTo("2025-05-01T08:00:00Z");
        }
    }

    @Test
    void revision_2_and_other_events_pass_unchanged() {
        IntermediateEventRepresentation current = stored(AlertRaised.class, "2", REVISION_1);
        IntermediateEventRepresentation other = stored(FacilityGranted.class, "1", "{}");

        assertThat(upcaster.upcast(Stream.of(current, other)).toList()).containsExactly(current, other);
    }

    private static IntermediateEventRepresentation stored(Class<?> type, String revision, String payload) {
        var serializer = MessageSerialization.jacksonSerializer();
        var entry = new GenericDomainEventEntry<>(
                "Alert",
                "r3.f-1",
                0,
                "e-" + type.getSimpleName(),
                "2025-05-01T08:00:00Z",
                type.getName(),
                revision,
                payload,
                "{}");
        return new InitialEventRepresentation(entry, serializer);
    }
}
