package rasad.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rasad.eventstore.embedded.EmbeddedMongoServer;
import rasad.eventstore.embedded.EmbeddedMongoSettings;
import rasad.eventstore.integrity.BrokenLink;
import rasad.query.facility.LastVerification;

/** A case's last verification, and a whole-store verification that finished after it, through the real driver. */
class CaseVerificationsTest {

    private static final Instant MORNING = Instant.parse("2026-03-01T08:00:00.123456789Z");

    private EmbeddedMongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private CaseVerifications verifications;

    @BeforeEach
    void startDatabase() {
        server = EmbeddedMongoServer.start(
                new EmbeddedMongoSettings(0, Path.of("unused"), EmbeddedMongoSettings.Backend.MEMORY));
        client = MongoClients.create(server.connectionString());
        database = client.getDatabase("rasad");
        verifications = new CaseVerifications(database);
    }

    @AfterEach
    void stopDatabase() {
        client.close();
        server.close();
    }

    @Test
    void given_a_case_never_verified_when_asked_then_there_is_no_last_verification() {
        assertThat(verifications.of("f-1")).isEmpty();
    }

    @Test
    void given_a_broken_case_verified_when_asked_then_the_last_verification_says_when_exactly_and_where_it_broke() {
        BrokenLink link =
                new BrokenLink(BrokenLink.Kind.MOVED, 41, "e-41", "f-1#2", "position 40", "stored at position 41");
        verifications.record("f-1", verification(false, link, MORNING));

        assertThat(verifications.of("f-1"))
                .contains(new LastVerification(MORNING, false, new LastVerification.BrokenAt("MOVED", 41), "case"));
        assertThat(verifications.of("f-2")).isEmpty();
    }

    @Test
    void given_a_case_verified_again_when_asked_then_only_the_newest_result_counts() {
        verifications.record(
                "f-1",
                verification(false, new BrokenLink(BrokenLink.Kind.ALTERED, 7, "e", "f-1#0", "a", "b"), MORNING));
        verifications.record("f-1", verification(true, null, MORNING.plusSeconds(60)));

        assertThat(verifications.of("f-1")).contains(new LastVerification(MORNING.plusSeconds(60), true, null, "case"));
    }

    @Test
    void given_a_whole_store_verification_finished_after_the_cases_when_asked_then_the_store_one_is_shown() {
        verifications.record("f-1", verification(true, null, MORNING));
        Instant later = Instant.parse("2026-03-01T09:00:00Z");
        database.getCollection("audit_verifications")
                .insertOne(new Document("_id", "v-1")
                        .append("state", "DONE")
                        .append("finishedAt", Date.from(later))
                        .append(
                                "report",
                                new Document("intact", false)
                                        .append(
                                                "firstBrokenLink",
                                                new Document("kind", "MISSING").append("position", 99L))));
        database.getCollection("audit_verifications")
                .insertOne(new Document("_id", "v-0")
                        .append("state", "RUNNING")
                        .append("startedAt", Date.from(later.plusSeconds(10))));

        assertThat(verifications.of("f-1"))
                .contains(new LastVerification(later, false, new LastVerification.BrokenAt("MISSING", 99), "store"));
    }

    private static CaseVerification verification(boolean intact, BrokenLink link, Instant at) {
        return new CaseVerification(intact, 3, 1, link, "digest", 0, at, link == null ? List.of() : List.of(link));
    }
}
