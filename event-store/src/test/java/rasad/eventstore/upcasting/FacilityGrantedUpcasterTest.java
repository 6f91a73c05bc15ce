package rasad.eventstore.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import rasad.eventstore.axon.MessageSerialization;
import rasad.eventstore.embedded.EmbeddedMongoServer;
import rasad.eventstore.embedded.EmbeddedMongoSettings;
import rasad.eventstore.engine.EventStoreCollections;
import rasad.eventstore.engine.RasadEventStorageEngine;
import rasad.eventstore.integrity.EventHash;
import rasad.kernel.facility.BeneficiaryProfile;
import rasad.kernel.facility.FacilityGranted;

class FacilityGrantedUpcasterTest {

    /** A grant exactly as issue 2 stored it: revision 1, no profile, workplace, branch, source or plan. */
    private static final String REVISION_1 =
            "{\"facilityId\":\"f-0001\",\"beneficiary\":{\"nationalId\":\"0499370899\","
                    + "\"name\":\"Maryam Ahmadi\"},\"programme\":\"HOME_BUSINESS\",\"bank\":\"bank-melli\",\"agency\":"
                    + "\"relief-committee\",\"county\":\"tabriz\",\"amount\":3000000000,\"committedJobs\":2,"
                    + "\"grantedOn\":\"2025-05-01\"}";

    @Test
    void a_revision_1_grant_in_the_store_is_read_as_revision_2_with_the_new_fields_unknown() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(
                        new EmbeddedMongoSettings(0, Path.of("unused"), EmbeddedMongoSettings.Backend.MEMORY));
                MongoClient client = MongoClients.create(server.connectionString())) {
            EventStoreCollections store = EventStoreCollections.in(client.getDatabase("rasad"));
            RasadEventStorageEngine engine = RasadEventStorageEngine.builder()
                    .store(store)
                    .eventSerializer(MessageSerialization.jacksonSerializer())
                    .snapshotSerializer(MessageSerialization.jacksonSerializer())
                    .upcasterChain(new FacilityGrantedUpcaster())
                    .build();
            Document event = new Document("position", 1L)
                    .append("eventId", "e-1")
                    .append("timestamp", "2025-05-01T08:00:00Z")
                    .append("occurredAt", "2025-05-01T08:00:00Z")
                    .append("recordedAt", "2025-05-01T08:00:00Z")
                    .append("payloadType", FacilityGranted.class.getName())
                    .append("payloadRevision", "1")
                    .append("payload", REVISION_1)
                    .append("metaData", "{}")
                    .append("aggregateType", "Facility")
                    .append("aggregateId", "f-0001")
                    .append("sequence", 0L);
            event.append("previousHash", EventHash.GENESIS).append("hash", EventHash.of(event, EventHash.GENESIS));
            store.commits()
                    .insertOne(new Document("_id", 1L)
                            .append("count", 1)
                            .append("state", "COMMITTED")
                            .append("keys", List.of("f-0001/0"))
                            .append("events", List.of(event)));
            store.positions().insertOne(new Document("_id", "global").append("next", 1L));

            FacilityGranted granted =
                    (FacilityGranted) engine.readEvents("f-0001").next().getPayload();

            assertThat(granted.grantedOn()).isEqualTo(LocalDate.of(2025, 5, 1));
            assertThat(granted.beneficiary().nationalId().value()).isEqualTo("0499370899");
            assertThat(granted.profile()).isEqualTo(BeneficiaryProfile.UNKNOWN);
            assertThat(granted.workplace()).isNull();
            assertThat(granted.approvedPlan()).isNull();
            assertThat(store.commits()
                            .find()
                            .first()
                            .getList("events", Document.class)
                            .get(0)
                            .getString("payloadRevision"))
                    .as("the stored event is not rewritten")
                    .isEqualTo("1");
        }
    }
}
