package rasad.endtoend;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rasad.eventstore.integrity.EventHash;

/**
 * History rewritten behind Rasad's back, with the raw MongoDB driver — an event altered, deleted, two swapped,
 * one forged in — is detected and located by the verify endpoints; put back, the store verifies again.
 * Blocks of 16 positions, so that the test's events are sealed within seconds.
 */
class TamperEvidenceEndToEndTest {

    private static final int BLOCK = 16;

    @TempDir
    static Path dataDir;

    static RasadCluster rasad;
    static MongoCollection<Document> commits;
    static MongoCollection<Document> checkpoints;
    static long[] tranches;
    private final RasadHttp http = new RasadHttp();

    @BeforeAll
    static void start() throws Exception {
        rasad = RasadCluster.embedded(
                EmbeddedDefaultEndToEndTest.freePort(),
                dataDir,
                "memory",
                Map.of(
                        "rasad.event-store.block-size",
                        BLOCK,
                        "rasad.event-store.seal-every",
                        "PT0.5S",
                        "rasad.event-store.block-max-age",
                        "PT3S"));
        commits = rasad.querySide().getBean(MongoDatabase.class).getCollection("event_commits");
        RasadHttp http = new RasadHttp();
        String facilities = rasad.commandUrl() + "/api/facilities";
        http.post(facilities, "bank-officer", RasadHttp.grant("e2e-tampered", "0013542419", "tabriz", "bank-melli"));
        for (int t = 1; t <= 3; t++) {
            http.post(
                    facilities + "/e2e-tampered/tranches",
                    "bank-officer",
                    "{\"trancheId\": \"t" + t + "\", \"amountRials\": " + t + "00000000, \"paidOn\": \"2025-05-1" + t
                            + "\"}");
        }
        for (int other = 1; other <= BLOCK; other++) { // enough events after them for a full block to be sealed
            http.post(
                    facilities,
                    "bank-officer",
                    RasadHttp.grant("e2e-other-" + other, NationalIds.valid(7700 + other), "ahar", "bank-melli"));
        }
        JsonNode paid = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> http.get(
                                        rasad.queryUrl()
                                                + "/api/audit/cases/e2e-tampered/history?type=TrancheDisbursed",
                                        "auditor")
                                .json(),
                        page -> page.path("totalItems").asInt() == 3);
        tranches = new long[3];
        for (int t = 0; t < 3; t++) {
            tranches[t] = paid.get("items").get(t).get("position").asLong();
        }
        checkpoints = rasad.querySide().getBean(MongoDatabase.class).getCollection("event_checkpoints");
        await().atMost(Duration.ofSeconds(30)).until(() -> sealedUpTo() >= tranches[2]);
    }

    @AfterAll
    static void stop() {
        rasad.close();
    }

    @BeforeEach
    void the_store_is_intact_to_begin_with() {
        assertThat(verifyStore(null).at("/report/intact").asBoolean()).isTrue();
    }

    @Test
    void an_altered_payload_is_located_at_its_event() {
        Document original = commitAt(tranches[1]);
        Document altered = copy(original);
        event(altered).put("payload", event(altered).getString("payload").replace("200000000", "900000000"));
        commits.replaceOne(eq("_id", tranches[1]), altered);
        try {
            assertBroken(verifyStore(null).at("/report/firstBrokenLink"), "ALTERED", tranches[1]);
            assertBroken(verifyCase().get("firstBrokenLink"), "ALTERED", tranches[1]);
        } finally {
            commits.replaceOne(eq("_id", tranches[1]), original);
        }
    }

    @Test
    void a_deleted_event_is_missing_from_its_sealed_block_and_from_its_stream() {
        Document original = commitAt(tranches[1]);
        commits.deleteOne(eq("_id", tranches[1]));
        try {
            assertBroken(verifyStore(null).at("/report/firstBrokenLink"), "MISSING", tranches[1]);
            assertBroken(verifyCase().get("firstBrokenLink"), "MISSING", tranches[1]);
            JsonNode history = http.get(
                            rasad.queryUrl() + "/api/audit/cases/e2e-tampered/history?type=TrancheDisbursed", "auditor")
                    .json();
            assertThat(history.get("items")).hasSize(2);
            assertThat(history.get("missingPositions"))
                    .extracting(JsonNode::asLong)
                    .containsExactly(tranches[1]);
        } finally {
            commits.insertOne(original);
        }
    }

    @Test
    void two_swapped_events_are_located_at_the_first() {
        Document first = commitAt(tranches[0]);
        Document second = commitAt(tranches[1]);
        Document firstSwapped = copy(first);
        Document secondSwapped = copy(second);
        event(firstSwapped).put("payload", event(second).getString("payload"));
        event(secondSwapped).put("payload", event(first).getString("payload"));
        commits.replaceOne(eq("_id", tranches[0]), firstSwapped);
        commits.replaceOne(eq("_id", tranches[1]), secondSwapped);
        try {
            assertBroken(verifyStore(null).at("/report/firstBrokenLink"), "ALTERED", tranches[0]);
            assertBroken(verifyCase().get("firstBrokenLink"), "ALTERED", tranches[0]);
        } finally {
            commits.replaceOne(eq("_id", tranches[0]), first);
            commits.replaceOne(eq("_id", tranches[1]), second);
        }
    }

    @Test
    void a_forged_event_with_a_correct_hash_and_link_is_located_where_it_was_slipped_in() {
        Document original = commitAt(tranches[0]);
        Document forgedCommit = copy(original);
        Document genuine = event(forgedCommit);
        Document forged = copy(genuine)
                .append("eventId", UUID.randomUUID().toString())
                .append("sequence", genuine.get("sequence", Number.class).longValue() + 1)
                .append("position", tranches[0] + 1)
                .append("payload", genuine.getString("payload").replace("100000000", "100000001"))
                .append("previousHash", genuine.getString("hash"));
        forged.put("hash", EventHash.of(forged, genuine.getString("hash")));
        forgedCommit.put("count", 2);
        forgedCommit.put("events", List.of(genuine, forged));
        commits.replaceOne(eq("_id", tranches[0]), forgedCommit);
        try {
            // the forged commit claims the next position too, which another commit holds
            assertBroken(verifyStore(null).at("/report/firstBrokenLink"), "FORGED", tranches[0] + 1);
            assertBroken(verifyCase().get("firstBrokenLink"), "FORGED", tranches[0] + 1);
        } finally {
            commits.replaceOne(eq("_id", tranches[0]), original);
        }
    }

    @Test
    void a_digest_noted_down_earlier_is_recomputed_and_compared() {
        JsonNode digest =
                http.get(rasad.queryUrl() + "/api/audit/digest", "auditor").json();
        long block = digest.get("block").asLong();
        assertThat(block).isPositive();
        String chained = digest.get("chained").asText();

        JsonNode same = verifyStore("{\"notedBlock\": " + block + ", \"notedDigest\": \"" + chained + "\"}");
        assertThat(same.at("/noted/matches").asBoolean()).isTrue();
        JsonNode other = verifyStore("{\"notedBlock\": " + block + ", \"notedDigest\": \"" + "ab".repeat(32) + "\"}");
        assertThat(other.at("/noted/matches").asBoolean()).isFalse();
        assertThat(other.at("/noted/recomputed").asText()).isEqualTo(chained);

        RasadHttp.Response malformed = http.post(
                rasad.queryUrl() + "/api/audit/verifications",
                "auditor",
                "{\"notedBlock\": 1, \"notedDigest\": \"not a digest\"}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().at("/errors/0/field").asText()).isEqualTo("notedDigest");
    }

    @Test
    void a_rewrite_whose_seals_are_deleted_for_the_sealer_to_seal_again_is_refused_and_shown_by_the_witness() {
        long block = sealedBlock();
        String noted = http.get(rasad.queryUrl() + "/api/audit/digest", "auditor")
                .json()
                .get("chained")
                .asText();
        Document original = commitAt(tranches[2]);
        Document rewritten = copy(original);
        Document lastTranche = event(rewritten); // the last of its stream: no later event links to it
        lastTranche.put("payload", lastTranche.getString("payload").replace("300000000", "900000000"));
        lastTranche.put("hash", EventHash.of(lastTranche, lastTranche.getString("previousHash")));
        List<Document> seals = checkpoints.find().into(new ArrayList<>());
        commits.replaceOne(eq("_id", tranches[2]), rewritten);
        assertBroken(verifyCase().get("firstBrokenLink"), "BLOCK_ROOT_MISMATCH", tranches[2]); // its hash recomputed
        checkpoints.deleteMany(new Document()); // for the sealer to seal the rewritten history again
        MongoCollection<Document> findings =
                rasad.querySide().getBean(MongoDatabase.class).getCollection("event_integrity_findings");
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> findings.countDocuments() > 0);
            assertThat(sealedBlock()).as("nothing sealed again").isZero();
            JsonNode listed = http.get(rasad.queryUrl() + "/api/audit/integrity-findings", "auditor")
                    .json();
            assertThat(listed.at("/findings/0/kind").asText()).isEqualTo("BLOCK_CHAIN_BROKEN");
            JsonNode witness =
                    http.get(rasad.queryUrl() + "/api/audit/witness", "auditor").json();
            assertThat(witness.get("differenceCount").asLong()).isEqualTo(block);
            assertThat(witness.at("/differences/0/difference").asText()).isEqualTo("REMOVED_FROM_STORE");
            JsonNode verification = verifyStore("{\"notedBlock\": " + block + ", \"notedDigest\": \"" + noted + "\"}");
            assertThat(verification.at("/report/intact").asBoolean()).isFalse();
            JsonNode unsealed = verifyCase().get("firstBrokenLink"); // at the case's first position: its grant
            assertThat(unsealed.get("kind").asText()).as(unsealed.toString()).isEqualTo("BLOCK_CHAIN_BROKEN");
            assertThat(unsealed.get("expected").asText()).contains("says the store or its witness");
        } finally {
            commits.replaceOne(eq("_id", tranches[2]), original);
            checkpoints.deleteMany(new Document());
            checkpoints.insertMany(seals);
            findings.deleteMany(new Document()); // the operator's repair, once the auditor has seen it
        }
        assertThat(verifyStore("{\"notedBlock\": " + block + ", \"notedDigest\": \"" + noted + "\"}")
                        .at("/noted/matches")
                        .asBoolean())
                .as("the genuine history, restored, has the noted digest")
                .isTrue();
    }

    @Test
    void every_seal_verifies_with_a_published_trusted_key_and_is_in_the_witness_exported_for_the_auditor() {
        JsonNode keys =
                http.get(rasad.queryUrl() + "/api/audit/seal-keys", "auditor").json();
        assertThat(keys.get("trusted")).hasSize(1);
        assertThat(keys.at("/trusted/0/publishedSame").asBoolean()).isTrue();
        assertThat(keys.get("publishedNotTrusted")).isEmpty();
        JsonNode witness =
                http.get(rasad.queryUrl() + "/api/audit/witness", "auditor").json();
        assertThat(witness.get("differenceCount").asLong()).isZero();
        assertThat(witness.get("matching").asLong()).isEqualTo(sealedBlock());
        RasadHttp.Response export = http.get(rasad.queryUrl() + "/api/audit/witness/export", "auditor");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body().lines().count()).isGreaterThanOrEqualTo(sealedBlock());
        assertThat(http.get(rasad.queryUrl() + "/api/audit/witness", "bank-officer")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void the_newest_events_are_sealed_within_the_block_age_however_few() {
        int granted = http.post(
                        rasad.commandUrl() + "/api/facilities",
                        "bank-officer",
                        RasadHttp.grant("e2e-quiet", NationalIds.valid(9911), "ahar", "bank-melli"))
                .status();
        assertThat(granted).isEqualTo(201);
        long position = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> http.get(rasad.queryUrl() + "/api/audit/cases/e2e-quiet/history", "auditor")
                                .json()
                                .at("/items/0/position")
                                .asLong(),
                        p -> p > 0);
        await().atMost(Duration.ofSeconds(20)).until(() -> sealedUpTo() >= position);
    }

    private static long sealedBlock() {
        Document head = checkpoints.find(eq("_id", "head")).first();
        return head == null ? 0 : head.get("block", Number.class).longValue();
    }

    private static long sealedUpTo() {
        Document head = checkpoints.find(eq("_id", "head")).first();
        return head == null || head.get("to") == null
                ? 0
                : head.get("to", Number.class).longValue();
    }

    private JsonNode verifyStore(String body) {
        RasadHttp.Response started =
                http.post(rasad.queryUrl() + "/api/audit/verifications", "auditor", body == null ? "{}" : body);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String progress = rasad.queryUrl() + started.header("Location");
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> http.get(progress, "auditor").json(),
                        verification -> !verification.get("state").asText().equals("RUNNING"));
    }

    private JsonNode verifyCase() {
        return http.get(rasad.queryUrl() + "/api/audit/cases/e2e-tampered/verification", "auditor")
                .json();
    }

    private static void assertBroken(JsonNode link, String kind, long position) {
        assertThat(link.isMissingNode() || link.isNull())
                .as("a broken link is reported")
                .isFalse();
        assertThat(link.get("kind").asText()).as(link.toString()).isEqualTo(kind);
        assertThat(link.get("position").asLong()).as(link.toString()).isEqualTo(position);
    }

    private static Document commitAt(long position) {
        Document commit = commits.find(eq("_id", position)).first();
        assertThat(commit).as("the commit at " + position).isNotNull();
        assertThat(commit.getInteger("count")).isOne();
        return commit;
    }

    private static Document event(Document commit) {
        return commit.getList("events", Document.class).get(0);
    }

    /** A deep copy that keeps every BSON type (a position stays a 64-bit integer). */
    private static Document copy(Document document) {
        return Document.parse(document.toJson(
                JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build()));
    }
}
