package rasad.endtoend;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
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
 * A case's verification against edits made with a real MongoDB client on the store, as an insider with
 * database access would make them: commits moved, an event forged into a commit with a correct hash and link,
 * documents left unreadable. Every audit answer stays 200 and says where the history broke. Each test puts
 * the store back as it was.
 */
class CaseTamperEndToEndTest {

    private static final String CASE = "e2e-case-tampered";

    @TempDir
    static Path dataDir;

    static RasadCluster rasad;
    static MongoCollection<Document> commits;
    static long[] tranches;
    private final RasadHttp http = new RasadHttp();

    @BeforeAll
    static void start() throws Exception {
        rasad = RasadCluster.embedded(EmbeddedDefaultEndToEndTest.freePort(), dataDir, "memory");
        commits = rasad.querySide().getBean(MongoDatabase.class).getCollection("event_commits");
        RasadHttp http = new RasadHttp();
        String facilities = rasad.commandUrl() + "/api/facilities";
        http.post(facilities, "bank-officer", RasadHttp.grant(CASE, "0013542419", "tabriz", "bank-melli"));
        for (int t = 1; t <= 3; t++) {
            http.post(
                    facilities + "/" + CASE + "/tranches",
                    "bank-officer",
                    "{\"trancheId\": \"t" + t + "\", \"amountRials\": " + t + "00000000, \"paidOn\": \"2025-05-1" + t
                            + "\"}");
        }
        JsonNode paid = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> http.get(
                                        rasad.queryUrl() + "/api/audit/cases/" + CASE
                                                + "/history?type=TrancheDisbursed",
                                        "auditor")
                                .json(),
                        page -> page.path("totalItems").asInt() == 3);
        tranches = new long[3];
        for (int t = 0; t < 3; t++) {
            tranches[t] = paid.get("items").get(t).get("position").asLong();
        }
    }

    @AfterAll
    static void stop() {
        rasad.close();
    }

    @BeforeEach
    void the_case_is_intact_to_begin_with() {
        JsonNode verification = verifyCase();
        assertThat(verification.get("intact").asBoolean())
                .as(verification.toString())
                .isTrue();
    }

    @Test
    void
            given_two_commits_whose_ids_were_swapped_when_the_case_is_verified_then_each_shows_as_moved_where_it_now_lies() {
        Document first = commitAt(tranches[0]);
        Document second = commitAt(tranches[1]);
        commits.deleteOne(eq("_id", tranches[0]));
        commits.deleteOne(eq("_id", tranches[1]));
        commits.insertOne(copy(first).append("_id", tranches[1]));
        commits.insertOne(copy(second).append("_id", tranches[0]));
        try {
            JsonNode verification = verifyCase();
            assertThat(verification.get("intact").asBoolean()).isFalse();
            assertBroken(verification.get("firstBrokenLink"), "MOVED", tranches[0]);
            assertThat(findings(verification)).contains("MOVED@" + tranches[0], "MOVED@" + tranches[1]);
            everyAuditAnswerIs200();
        } finally {
            commits.deleteOne(eq("_id", tranches[0]));
            commits.deleteOne(eq("_id", tranches[1]));
            commits.insertOne(first);
            commits.insertOne(second);
        }
    }

    @Test
    void
            given_an_event_forged_into_an_existing_commit_with_a_correct_hash_and_link_when_verified_then_it_is_forged_at_its_place() {
        Document original = commitAt(tranches[2]);
        Document forgedCommit = copy(original);
        Document genuine = forgedCommit.getList("events", Document.class).get(0);
        long forgedAt = tranches[2] + 1;
        Document forged = copy(genuine)
                .append("eventId", UUID.randomUUID().toString())
                .append("sequence", genuine.get("sequence", Number.class).longValue() + 1)
                .append("position", forgedAt)
                .append("payload", genuine.getString("payload").replace("300000000", "300000001"))
                .append("previousHash", genuine.getString("hash"));
        forged.put("hash", EventHash.of(forged, genuine.getString("hash")));
        // appended to the events, the count left as the writer wrote it
        forgedCommit.put("events", List.of(genuine, forged));
        commits.replaceOne(eq("_id", tranches[2]), forgedCommit);
        try {
            JsonNode verification = verifyCase();
            assertThat(verification.get("intact").asBoolean()).isFalse();
            assertBroken(verification.get("firstBrokenLink"), "FORGED", forgedAt);
            everyAuditAnswerIs200();
        } finally {
            commits.replaceOne(eq("_id", tranches[2]), original);
        }
    }

    @Test
    void
            given_metadata_replaced_by_text_that_is_not_json_when_audited_then_the_event_is_shown_unreadable_and_nothing_fails() {
        Document original = commitAt(tranches[1]);
        Document tampered = copy(original);
        tampered.getList("events", Document.class).get(0).put("metaData", "actor=someone-else; not json");
        commits.replaceOne(eq("_id", tranches[1]), tampered);
        try {
            theTamperedTrancheIsUnreadableEverywhere();
        } finally {
            commits.replaceOne(eq("_id", tranches[1]), original);
        }
    }

    @Test
    void given_a_sequence_stored_as_text_when_audited_then_the_event_is_shown_unreadable_and_nothing_fails() {
        Document original = commitAt(tranches[1]);
        Document tampered = copy(original);
        Document event = tampered.getList("events", Document.class).get(0);
        event.put("sequence", String.valueOf(event.get("sequence", Number.class).longValue()));
        commits.replaceOne(eq("_id", tranches[1]), tampered);
        try {
            theTamperedTrancheIsUnreadableEverywhere();
        } finally {
            commits.replaceOne(eq("_id", tranches[1]), original);
        }
    }

    @Test
    void
            given_a_commit_count_stored_as_text_or_its_events_removed_when_audited_then_it_is_unreadable_and_nothing_fails() {
        Document original = commitAt(tranches[1]);
        try {
            commits.replaceOne(eq("_id", tranches[1]), copy(original).append("count", "1"));
            assertBroken(verifyCase().get("firstBrokenLink"), "UNREADABLE", tranches[1]);
            everyAuditAnswerIs200();

            Document withoutEvents = copy(original);
            withoutEvents.remove("events");
            commits.replaceOne(eq("_id", tranches[1]), withoutEvents);
            assertBroken(verifyCase().get("firstBrokenLink"), "UNREADABLE", tranches[1]);
            everyAuditAnswerIs200();
        } finally {
            commits.replaceOne(eq("_id", tranches[1]), original);
        }
    }

    @Test
    void
            given_a_payload_that_no_longer_deserializes_when_audited_then_it_is_altered_and_skipped_by_as_of_and_nothing_fails() {
        Document original = commitAt(tranches[1]);
        Document tampered = copy(original);
        tampered.getList("events", Document.class).get(0).put("payload", "{\"amountRials\": [not json");
        commits.replaceOne(eq("_id", tranches[1]), tampered);
        try {
            assertBroken(verifyCase().get("firstBrokenLink"), "ALTERED", tranches[1]);
            RasadHttp.Response asOf =
                    http.get(rasad.queryUrl() + "/api/audit/cases/" + CASE + "/as-of?at=" + Instant.now(), "auditor");
            assertThat(asOf.status()).as(asOf.body()).isEqualTo(200);
            assertThat(asOf.json().get("skippedUnreadable"))
                    .extracting(JsonNode::asLong)
                    .containsExactly(tranches[1]);
            everyAuditAnswerIs200();
        } finally {
            commits.replaceOne(eq("_id", tranches[1]), original);
        }
    }

    @Test
    void given_a_verified_case_when_its_live_view_and_as_of_are_read_then_they_say_when_and_how_it_was_last_verified() {
        JsonNode verification = verifyCase();

        JsonNode live = http.get(rasad.queryUrl() + "/api/facilities/" + CASE, "auditor")
                .json();
        JsonNode asOf = http.get(
                        rasad.queryUrl() + "/api/audit/cases/" + CASE + "/as-of?at=" + Instant.now(), "auditor")
                .json();

        for (JsonNode last : List.of(live.get("lastVerification"), asOf.get("lastVerification"))) {
            assertThat(last.get("scope").asText()).isEqualTo("case");
            assertThat(last.get("intact").asBoolean()).isTrue();
            assertThat(Instant.parse(last.get("verifiedAt").asText()))
                    .isEqualTo(Instant.parse(verification.get("verifiedAt").asText()));
        }
        assertThat(live.get("facilityId").asText())
                .as("the live case is still there beside it")
                .isEqualTo(CASE);
    }

    private void theTamperedTrancheIsUnreadableEverywhere() {
        String audit = rasad.queryUrl() + "/api/audit/cases/" + CASE;
        JsonNode verification = verifyCase();
        assertThat(verification.get("intact").asBoolean()).isFalse();
        assertBroken(verification.get("firstBrokenLink"), "UNREADABLE", tranches[1]);

        RasadHttp.Response history = http.get(audit + "/history", "auditor");
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        JsonNode item = itemAt(history.json().get("items"), tranches[1]);
        assertThat(item.get("integrity").asText()).isEqualTo("UNREADABLE");
        assertThat(item.get("unreadable").asText()).isNotBlank();
        assertThat(item.get("eventId").asText())
                .as("what could be read of it is shown")
                .isNotBlank();
        assertThat(itemAt(history.json().get("items"), tranches[0])
                        .get("integrity")
                        .asText())
                .isEqualTo("OK");

        RasadHttp.Response asOf = http.get(audit + "/as-of?at=" + Instant.now(), "auditor");
        assertThat(asOf.status()).as(asOf.body()).isEqualTo(200);
        assertThat(asOf.json().get("skippedUnreadable"))
                .extracting(JsonNode::asLong)
                .containsExactly(tranches[1]);
        assertThat(asOf.json().at("/lastVerification/firstBrokenLink/kind").asText())
                .isEqualTo("UNREADABLE");

        RasadHttp.Response dossier = http.get(audit + "/dossier", "auditor");
        assertThat(dossier.status()).as(dossier.body()).isEqualTo(200);
        assertThat(itemAt(dossier.json().get("events"), tranches[1])
                        .get("integrity")
                        .asText())
                .isEqualTo("UNREADABLE");
        assertBroken(dossier.json().at("/verification/firstBrokenLink"), "UNREADABLE", tranches[1]);

        RasadHttp.Response pdf = http.get(audit + "/dossier.pdf", "auditor");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
    }

    /** History, as-of, dossier, its PDF and the verification all answer 200 on the tampered case. */
    private void everyAuditAnswerIs200() {
        String audit = rasad.queryUrl() + "/api/audit/cases/" + CASE;
        for (String answer : List.of(
                "/history",
                "/history?type=TrancheDisbursed",
                "/as-of?at=" + Instant.now(),
                "/as-of?at=" + Instant.now() + "&axis=business",
                "/dossier",
                "/dossier.pdf",
                "/verification")) {
            RasadHttp.Response response = http.get(audit + answer, "auditor");
            assertThat(response.status()).as(answer + ": " + response.body()).isEqualTo(200);
        }
        RasadHttp.Response live = http.get(rasad.queryUrl() + "/api/facilities/" + CASE, "auditor");
        assertThat(live.status()).as(live.body()).isEqualTo(200);
    }

    private JsonNode verifyCase() {
        RasadHttp.Response response =
                http.get(rasad.queryUrl() + "/api/audit/cases/" + CASE + "/verification", "auditor");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> findings(JsonNode verification) {
        return StreamSupport.stream(verification.get("findings").spliterator(), false)
                .map(finding -> finding.get("kind").asText() + "@"
                        + finding.get("position").asLong())
                .toList();
    }

    private static JsonNode itemAt(JsonNode items, long position) {
        return StreamSupport.stream(items.spliterator(), false)
                .filter(item -> item.get("position").asLong() == position)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no item at " + position + " in " + items));
    }

    private static void assertBroken(JsonNode link, String kind, long position) {
        assertThat(link == null || link.isMissingNode() || link.isNull())
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

    /** A deep copy that keeps every BSON type (a position stays a 64-bit integer). */
    private static Document copy(Document document) {
        return Document.parse(document.toJson(
                JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build()));
    }
}
