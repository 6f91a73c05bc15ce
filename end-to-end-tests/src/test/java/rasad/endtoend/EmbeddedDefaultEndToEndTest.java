package rasad.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.updates.UpdateChecker;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import rasad.eventstore.axon.NodeId;
import rasad.eventstore.engine.RasadEventStorageEngine;
import rasad.kernel.job.JobRegistered;

/**
 * Rasad on its embedded default, as the run command starts it: the embedded MongoDB (owned by the side that
 * starts first, joined by the other), both sides on random ports, all over TCP.
 */
class EmbeddedDefaultEndToEndTest extends GrantAndReadBackScenario {

    @TempDir
    static Path dataDir;

    static RasadCluster rasad;
    static int mongoPort;

    @BeforeAll
    static void start() throws IOException {
        mongoPort = freePort();
        rasad = RasadCluster.embedded(mongoPort, dataDir, "memory");
    }

    @AfterAll
    static void stop() {
        rasad.close();
    }

    @Override
    RasadCluster rasad() {
        return rasad;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void the_stored_event_carries_who_in_which_role_for_whom_under_which_request_and_when() {
        http.post(
                rasad.commandUrl() + "/api/facilities",
                "bank-officer",
                RasadHttp.grant("e2e-meta", "0067749828", "tabriz", "bank-melli"));

        var events = rasad.querySide()
                .getBean(EventStore.class)
                .readEvents("e2e-meta")
                .asStream()
                .toList();

        assertThat(events).hasSize(1);
        assertThat(events.get(0).getMetaData())
                .containsKeys("actor", "actorRole", "onBehalfOf", "requestId", "correlationId", "recordedAt");
        assertThat(events.get(0).getMetaData().get("actorRole")).isEqualTo("bank-officer");
    }

    @Test
    void the_query_side_answers_problems_for_unknown_cases_and_bad_paging() {
        RasadHttp.Response missing = http.get(rasad.queryUrl() + "/api/facilities/never-granted", "manager");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).isEqualTo("application/problem+json");

        RasadHttp.Response badSize = http.get(rasad.queryUrl() + "/api/facilities?size=1000", "manager");
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.json().at("/errors/0/rule").asText()).isEqualTo("PAGE_SIZE_OUT_OF_RANGE");

        RasadHttp.Response notANumber = http.get(rasad.queryUrl() + "/api/facilities?page=first", "manager");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().at("/errors/0/field").asText()).isEqualTo("page");
    }

    @Test
    void two_query_side_instances_in_one_jvm_claim_tokens_under_different_node_ids() {
        ConfigurableApplicationContext second = rasad.startAnotherQuerySide();
        String firstNode = rasad.querySide().getBean(NodeId.class).value();
        String secondNode = second.getBean(NodeId.class).value();
        assertThat(firstNode).isNotEqualTo(secondNode);
        assertThat(firstNode).isNotEqualTo(ManagementFactory.getRuntimeMXBean().getName());

        http.post(
                rasad.commandUrl() + "/api/facilities",
                "bank-officer",
                RasadHttp.grant("e2e-nodes", "4608968882", "tabriz", "bank-melli"));
        awaitCase(http, rasad.queryUrl() + "/api/facilities/e2e-nodes");

        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            Document token = client.getDatabase("rasad")
                    .getCollection("trackingtokens")
                    .find(new Document("processorName", "facilities"))
                    .first();
            assertThat(token).isNotNull();
            assertThat(token.getString("owner")).isIn(firstNode, secondNode);
        }
    }

    @Test
    void the_same_grant_sent_at_once_to_two_command_side_instances_is_recorded_once() throws Exception {
        String second = rasad.startAnotherCommandSide();
        String grant = RasadHttp.grant("e2e-race", "0010350829", "tabriz", "bank-melli");
        var pool = Executors.newFixedThreadPool(8);
        try {
            var attempts = new ArrayList<Future<RasadHttp.Response>>();
            for (int i = 0; i < 8; i++) {
                String target = i % 2 == 0 ? rasad.commandUrl() : second;
                attempts.add(pool.submit(() -> http.post(target + "/api/facilities", "bank-officer", grant)));
            }
            for (var attempt : attempts) {
                assertThat(attempt.get().status()).as(attempt.get().body()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(rasad.querySide()
                        .getBean(EventStore.class)
                        .readEvents("e2e-race")
                        .asStream()
                        .count())
                .isOne();
    }

    @Test
    void resetting_the_facilities_processor_replays_the_store_and_rebuilds_the_read_model() {
        http.post(
                rasad.commandUrl() + "/api/facilities",
                "bank-officer",
                RasadHttp.grant("e2e-replay", "1500000000", "tabriz", "bank-melli"));
        awaitCase(http, rasad.queryUrl() + "/api/facilities/e2e-replay");
        var processing = rasad.querySide().getBean(EventProcessingConfiguration.class);
        var processor = processing
                .eventProcessor("facilities", TrackingEventProcessor.class)
                .orElseThrow();

        processor.shutDown();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            client.getDatabase("rasad").getCollection("facilities").drop();
        }
        processor.resetTokens();
        processor.start();

        awaitCase(http, rasad.queryUrl() + "/api/facilities/e2e-replay");
        await().atMost(Duration.ofSeconds(30)).until(() -> !processor.isReplaying());
        var head = rasad.querySide().getBean(RasadEventStorageEngine.class).headPosition();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> processor.processingStatus().values().stream()
                        .allMatch(status -> status.getCurrentPosition().orElse(0) >= head));
    }

    @Test
    void reference_data_added_and_retired_by_an_admin_shows_on_the_query_side() {
        RasadHttp.Response added = http.post(
                rasad.commandUrl() + "/api/reference-data",
                "admin",
                "{\"kind\": \"COUNTY\", \"code\": \"ajabshir\", \"nameFa\": \"عجب‌شیر\", \"nameEn\": \"Ajabshir\"}");
        assertThat(added.status()).isEqualTo(201);
        JsonNode county = awaitCase(http, added.header("Location"));
        assertThat(county.get("nameFa").asText()).isEqualTo("عجب‌شیر");
        assertThat(county.get("active").asBoolean()).isTrue();

        http.post(
                rasad.commandUrl() + "/api/reference-data/COUNTY/ajabshir/retirement",
                "admin",
                "{\"reason\": \"merged\"}");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !http.get(added.header("Location"), "manager")
                        .json()
                        .get("active")
                        .asBoolean());
        assertThat(http.get(rasad.queryUrl() + "/api/reference-data?kind=COUNTY", "manager")
                        .json())
                .noneMatch(entry -> entry.get("code").asText().equals("ajabshir"));
        assertThat(http.get(rasad.queryUrl() + "/api/reference-data?kind=COUNTY&includeRetired=true", "manager")
                        .json())
                .anyMatch(entry -> entry.get("retirementReason").asText().equals("merged"));
    }

    @Test
    void the_committee_sets_and_revises_targets_and_quotas_with_reasons() {
        String target = rasad.commandUrl() + "/api/planning/1403/targets/PROVINCE/east-azerbaijan";
        assertThat(http.put(target, "manager", "{\"jobs\": 45794}").status()).isEqualTo(200);
        RasadHttp.Response unexplained = http.put(target, "manager", "{\"jobs\": 47165}");
        assertThat(unexplained.status()).isEqualTo(409);
        assertThat(unexplained.json().get("rule").asText()).isEqualTo("REVISION_WITHOUT_REASON");
        assertThat(http.put(target, "manager", "{\"jobs\": 47165, \"reason\": \"national allocation\"}")
                        .status())
                .isEqualTo(200);
        assertThat(http.put(target, "bank-officer", "{\"jobs\": 1}").status()).isEqualTo(403);
        RasadHttp.Response badYear =
                http.put(rasad.commandUrl() + "/api/planning/2025/targets/PROVINCE/x", "manager", "{\"jobs\": 1}");
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(badYear.json().at("/errors/0/rule").asText()).isEqualTo("FISCAL_YEAR_OUT_OF_RANGE");
        assertThat(http.put(
                                rasad.commandUrl()
                                        + "/api/planning/1403/quotas/AGENCY/relief-committee/SUPPORT_INSTITUTIONS/note-16-1403",
                                "manager",
                                "{\"amountRials\": 10000000000000}")
                        .status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode targets = http.get(rasad.queryUrl() + "/api/planning/1403/targets", "auditor")
                    .json();
            assertThat(targets).anySatisfy(t -> {
                assertThat(t.get("scopeCode").asText()).isEqualTo("east-azerbaijan");
                assertThat(t.get("jobs").asInt()).isEqualTo(47165);
                assertThat(t.get("previousJobs").asInt()).isEqualTo(45794);
                assertThat(t.get("revisions").asInt()).isEqualTo(1);
                assertThat(t.get("lastReason").asText()).isEqualTo("national allocation");
            });
            JsonNode quotas = http.get(rasad.queryUrl() + "/api/planning/1403/quotas", "auditor")
                    .json();
            assertThat(quotas)
                    .anySatisfy(q -> assertThat(q.get("amountRials").asLong()).isEqualTo(10_000_000_000_000L));
        });
    }

    @Test
    void a_facility_is_paid_in_tranches_up_to_its_grant_and_then_closed() {
        String facilities = rasad.commandUrl() + "/api/facilities";
        http.post(facilities, "bank-officer", RasadHttp.grant("e2e-paid", "0013542419", "tabriz", "bank-melli"));
        assertThat(http.post(
                                facilities + "/e2e-paid/tranches",
                                "bank-officer",
                                "{\"trancheId\": \"t1\", \"amountRials\": 2000000000, \"paidOn\": \"2025-05-10\"}")
                        .status())
                .isEqualTo(201);
        RasadHttp.Response second = http.post(
                facilities + "/e2e-paid/tranches",
                "bank-officer",
                "{\"trancheId\": \"t2\", \"amountRials\": 1000000000, \"paidOn\": \"2025-06-01\"}");
        assertThat(second.json().get("paidSoFarRials").asLong()).isEqualTo(3_000_000_000L);
        RasadHttp.Response beyond = http.post(
                facilities + "/e2e-paid/tranches",
                "bank-officer",
                "{\"trancheId\": \"t3\", \"amountRials\": 1, \"paidOn\": \"2025-06-02\"}");
        assertThat(beyond.status()).isEqualTo(409);
        assertThat(beyond.json().get("rule").asText()).isEqualTo("DISBURSEMENT_EXCEEDS_GRANT");
        assertThat(http.post(
                                facilities + "/never-granted/tranches",
                                "bank-officer",
                                "{\"trancheId\": \"t1\", \"amountRials\": 1, \"paidOn\": \"2025-06-02\"}")
                        .status())
                .isEqualTo(404);
        RasadHttp.Response recallWithoutReason = http.post(
                facilities + "/e2e-paid/closure", "manager", "{\"kind\": \"RECALLED\", \"closedOn\": \"2025-09-01\"}");
        assertThat(recallWithoutReason.status()).isEqualTo(400);
        assertThat(recallWithoutReason.json().at("/errors/0/rule").asText()).isEqualTo("REASON_REQUIRED");
        assertThat(http.post(
                                facilities + "/e2e-paid/closure",
                                "manager",
                                "{\"kind\": \"REPAID\", \"closedOn\": \"2027-05-01\"}")
                        .status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode facility = http.get(rasad.queryUrl() + "/api/facilities/e2e-paid", "auditor")
                    .json();
            assertThat(facility.get("status").asText()).isEqualTo("REPAID");
            assertThat(facility.get("paidRials").asLong()).isEqualTo(3_000_000_000L);
            assertThat(facility.get("tranches")).hasSize(2);
        });
    }

    @Test
    void one_person_is_one_counted_job_even_when_two_instances_register_them_at_once() throws Exception {
        String second = rasad.startAnotherCommandSide();
        for (String facility : new String[] {"e2e-job-a", "e2e-job-b"}) {
            http.post(
                    rasad.commandUrl() + "/api/facilities",
                    "bank-officer",
                    RasadHttp.grant(facility, "1234567891", "tabriz", "bank-melli"));
        }
        String job = "{\"jobId\": \"%s\", \"nationalId\": \"4608968882\", \"occupation\": \"tailor\", "
                + "\"startedOn\": \"2025-06-01\"}";
        var pool = Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> http.post(
                    rasad.commandUrl() + "/api/facilities/e2e-job-a/jobs", "agency-clerk", job.formatted("job-a")));
            var other = pool.submit(
                    () -> http.post(second + "/api/facilities/e2e-job-b/jobs", "agency-clerk", job.formatted("job-b")));
            List<RasadHttp.Response> answers = List.of(first.get(), other.get());
            assertThat(answers).extracting(RasadHttp.Response::status).containsExactlyInAnyOrder(201, 409);
            RasadHttp.Response refused =
                    answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
            assertThat(refused.json().get("rule").asText()).isEqualTo("JOB_ALREADY_COUNTED");
            assertThat(refused.json().get("facilityId").asText()).isIn("e2e-job-a", "e2e-job-b");
        } finally {
            pool.shutdownNow();
        }
        // only the registrations: the job started long ago, so its first follow-up falls due at once
        assertThat(rasad.querySide()
                        .getBean(EventStore.class)
                        .readEvents("4608968882")
                        .asStream()
                        .filter(event -> event.getPayload() instanceof JobRegistered)
                        .count())
                .as("one JobRegistered for the person")
                .isOne();
    }

    @Test
    void a_facility_financing_a_committee_approved_plan_stays_within_it_and_takes_it_alone() {
        RasadHttp.Response session = http.post(rasad.commandUrl() + "/api/committee-sessions", "manager", """
                {"sessionId": "committee-1403-11", "heldOn": "2025-02-05", "plans": [
                  {"planId": "rural-017", "title": "Greenhouse, Kaleybar", "programme": "RURAL_SUSTAINABLE",
                   "county": "kaleybar", "amountRials": 16000000000, "committedJobs": 4},
                  {"planId": "rural-018", "title": "Dairy, Ahar", "programme": "RURAL_SUSTAINABLE",
                   "county": "ahar", "amountRials": 12000000000, "committedJobs": 3}]}""");
        assertThat(session.status()).isEqualTo(201);
        assertThat(session.json().get("totalRials").asLong()).isEqualTo(28_000_000_000L);

        String underPlan = RasadHttp.grant("e2e-plan-1", "0010350829", "kaleybar", "bank-melli")
                .replace(
                        "\"grantedOn\": \"2025-05-01\"}",
                        "\"grantedOn\": \"2025-05-01\", \"approvedPlan\": \"rural-017\"}");
        assertThat(http.post(rasad.commandUrl() + "/api/facilities", "bank-officer", underPlan)
                        .status())
                .isEqualTo(201);
        RasadHttp.Response second = http.post(
                rasad.commandUrl() + "/api/facilities", "bank-officer", underPlan.replace("e2e-plan-1", "e2e-plan-2"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("rule").asText()).isEqualTo("PLAN_ALREADY_FINANCED");
        assertThat(second.json().get("facilityId").asText()).isEqualTo("e2e-plan-1");
        RasadHttp.Response tooBig = http.post(
                rasad.commandUrl() + "/api/facilities",
                "bank-officer",
                underPlan
                        .replace("e2e-plan-1", "e2e-plan-3")
                        .replace("rural-017", "rural-018")
                        .replace("3000000000", "13000000000"));
        assertThat(tooBig.json().get("rule").asText()).isEqualTo("PLAN_AMOUNT_EXCEEDED");
        assertThat(http.post(
                                rasad.commandUrl() + "/api/facilities",
                                "bank-officer",
                                underPlan.replace("e2e-plan-1", "e2e-plan-4").replace("rural-017", "rural-999"))
                        .json()
                        .get("rule")
                        .asText())
                .isEqualTo("PLAN_UNKNOWN");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode read = http.get(rasad.queryUrl() + "/api/committee-sessions/committee-1403-11", "manager")
                    .json();
            assertThat(read.path("plans").asInt()).isEqualTo(2);
            assertThat(read.path("plansFinanced").asInt()).isEqualTo(1);
        });
        assertThat(awaitCase(http, rasad.queryUrl() + "/api/facilities/e2e-plan-1")
                        .get("approvedPlan")
                        .asText())
                .isEqualTo("rural-017");
    }

    @Test
    void an_inspectors_diversion_finding_is_decided_by_a_manager_and_shows_on_the_case() {
        http.post(
                rasad.commandUrl() + "/api/facilities",
                "bank-officer",
                RasadHttp.grant("e2e-diverted", "0067749828", "marand", "bank-melli"));
        String finding = "{\"findingId\": \"d-1\", \"observedOn\": \"2025-09-01\", "
                + "\"finding\": \"workshop closed; the loan bought a car\"}";
        assertThat(http.post(
                                rasad.commandUrl() + "/api/facilities/e2e-diverted/diversion-findings",
                                "bank-officer",
                                finding)
                        .status())
                .isEqualTo(403);
        assertThat(http.post(
                                rasad.commandUrl() + "/api/facilities/e2e-diverted/diversion-findings",
                                "inspector",
                                finding)
                        .status())
                .isEqualTo(201);
        assertThat(http.post(
                                rasad.commandUrl() + "/api/diversion-findings/d-1/decision",
                                "manager",
                                "{\"confirmed\": true}")
                        .status())
                .isEqualTo(400);
        assertThat(http.post(
                                rasad.commandUrl() + "/api/diversion-findings/d-1/decision",
                                "manager",
                                "{\"confirmed\": true, \"reason\": \"photos agree\"}")
                        .status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode facility = http.get(rasad.queryUrl() + "/api/facilities/e2e-diverted", "manager")
                    .json();
            assertThat(facility.path("findings").path(0).path("status").asText())
                    .isEqualTo("CONFIRMED");
            assertThat(facility.path("findings").path(0).path("decisionReason").asText())
                    .isEqualTo("photos agree");
        });
    }

    @Test
    void a_job_passes_the_sms_check_then_the_phone_check_and_the_case_shows_both() {
        String facilities = rasad.commandUrl() + "/api/facilities";
        http.post(facilities, "bank-officer", RasadHttp.grant("e2e-verified", "1500000000", "ahar", "bank-melli"));
        http.post(
                facilities + "/e2e-verified/jobs",
                "agency-clerk",
                "{\"jobId\": \"jv-1\", "
                        + "\"nationalId\": \"0499370899\", \"occupation\": \"baker\", \"startedOn\": \"2025-06-01\"}");
        String stages = facilities + "/e2e-verified/jobs/jv-1";
        RasadHttp.Response tooEarly = http.post(
                stages + "/phone-checks",
                "agency-clerk",
                "{\"outcome\": \"CONFIRMED\", \"at\": \"2025-06-12T08:00:00Z\", \"caller\": \"c-7\"}");
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.json().get("rule").asText()).isEqualTo("SMS_CHECK_NOT_PASSED");
        assertThat(http.post(
                                stages + "/sms-checks",
                                "agency-clerk",
                                "{\"outcome\": \"CONFIRMED\", \"at\": \"2025-06-10T08:00:00Z\"}")
                        .status())
                .isEqualTo(201);
        assertThat(http.post(
                                stages + "/phone-checks",
                                "agency-clerk",
                                "{\"outcome\": \"CONFIRMED\", \"at\": \"2025-06-12T08:00:00Z\", \"caller\": \"c-7\"}")
                        .status())
                .isEqualTo(201);
        assertThat(http.post(
                                stages + "/sms-checks",
                                "inspector",
                                "{\"outcome\": \"SENT\", \"at\": \"2025-06-10T08:00:00Z\"}")
                        .status())
                .isEqualTo(403);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode job = http.get(rasad.queryUrl() + "/api/facilities/e2e-verified", "manager")
                    .json()
                    .path("jobs")
                    .path(0);
            assertThat(job.path("smsCheck").asText()).isEqualTo("CONFIRMED");
            assertThat(job.path("phoneCheck").asText()).isEqualTo("CONFIRMED");
            assertThat(job.path("nationalId").asText()).isEqualTo("0499370899");
        });
    }

    @Test
    void an_inspectors_field_visit_with_a_photo_is_the_third_stage_and_keeps_the_device_time() {
        String facilities = rasad.commandUrl() + "/api/facilities";
        http.post(facilities, "bank-officer", RasadHttp.grant("e2e-visited", "0013542419", "ahar", "bank-melli"));
        http.post(
                facilities + "/e2e-visited/jobs",
                "agency-clerk",
                "{\"jobId\": \"jw-1\", "
                        + "\"nationalId\": \"0084575948\", \"occupation\": \"welder\", \"startedOn\": \"2025-06-01\"}");
        http.post(
                facilities + "/e2e-visited/jobs",
                "agency-clerk",
                "{\"jobId\": \"jw-2\", "
                        + "\"nationalId\": \"0067749828\", \"occupation\": \"welder\", \"startedOn\": \"2025-06-01\"}");
        http.post(
                facilities + "/e2e-visited/jobs/jw-2/sms-checks",
                "agency-clerk",
                "{\"outcome\": \"CONFIRMED\", \"at\": \"2025-06-10T08:00:00Z\"}");
        http.post(
                facilities + "/e2e-visited/jobs/jw-2/phone-checks",
                "agency-clerk",
                "{\"outcome\": \"CONFIRMED\", \"at\": \"2025-06-12T08:00:00Z\", \"caller\": \"c-7\"}");

        byte[] photo = "not really a jpeg, but bytes all the same".getBytes(StandardCharsets.UTF_8);
        RasadHttp.Response stored =
                http.upload(rasad.commandUrl() + "/api/evidence", "inspector", "site.jpg", "image/jpeg", photo);
        assertThat(stored.status()).isEqualTo(201);
        String sha = stored.json().get("sha256").asText();
        assertThat(http.upload(rasad.commandUrl() + "/api/evidence", "inspector", "again.jpg", "image/jpeg", photo)
                        .json()
                        .get("sha256")
                        .asText())
                .as("the same file, the same reference")
                .isEqualTo(sha);

        String visit = "{\"visitId\": \"v-1\", \"deviceTime\": \"2025-07-01T07:45:00Z\", \"latitude\": 38.4753, "
                + "\"longitude\": 47.0703, \"accuracyMetres\": 8, \"businessOperating\": true, "
                + "\"jobsSeen\": {\"jw-2\": true}, \"moneyUsedAsPlanned\": true, \"photos\": [\"" + sha + "\"]}";
        RasadHttp.Response notAssigned = http.post(facilities + "/e2e-visited/field-visits", "inspector", visit);
        assertThat(notAssigned.status()).isEqualTo(403);
        assertThat(notAssigned.json().get("rule").asText()).isEqualTo("VISIT_NOT_ASSIGNED");
        assertThat(http.post(rasad.commandUrl() + "/api/samples", "manager", """
                {"sampleId": "s-visited", "seed": 1, "defaultSize": 1, "inspectors": ["inspector"], "dueOn": "2025-07-15",
                 "frame": [{"facilityId": "e2e-visited", "county": "ahar", "programme": "HOME_BUSINESS"}]}""")
                        .status())
                .isEqualTo(201);

        RasadHttp.Response unknownPhoto =
                http.post(facilities + "/e2e-visited/field-visits", "inspector", visit.replace(sha, "0".repeat(64)));
        assertThat(unknownPhoto.json().get("rule").asText()).isEqualTo("EVIDENCE_UNKNOWN");
        // the job whose phone check failed is the one an inspector is sent for: not seen is a finding too
        RasadHttp.Response unverifiedJobNotSeen = http.post(
                facilities + "/e2e-visited/field-visits",
                "inspector",
                visit.replace("\"v-1\"", "\"v-0\"").replace("{\"jw-2\": true}", "{\"jw-1\": false, \"jw-2\": true}"));
        assertThat(unverifiedJobNotSeen.status())
                .as(unverifiedJobNotSeen.body())
                .isEqualTo(201);
        assertThat(http.post(facilities + "/e2e-visited/field-visits", "inspector", visit)
                        .status())
                .isEqualTo(201);
        assertThat(http.post(facilities + "/e2e-visited/field-visits", "inspector", visit)
                        .status())
                .as("re-sent over a poor connection")
                .isEqualTo(201);

        var events = rasad.querySide()
                .getBean(EventStore.class)
                .readEvents("v-1")
                .asStream()
                .toList();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getMetaData().get("occurredAt")).isEqualTo("2025-07-01T07:45:00Z");
        assertThat((String) events.get(0).getMetaData().get("recordedAt")).isNotEqualTo("2025-07-01T07:45:00Z");
    }

    @Test
    void a_sample_for_field_visits_is_drawn_reproducibly_and_assigned_to_inspectors() {
        grantForSampling("f-a", 9401, "tabriz");
        grantForSampling("f-b", 9402, "tabriz");
        grantForSampling("f-c", 9403, "marand");
        String sample = """
                {"sampleId": "s-e2e", "seed": 1403, "defaultSize": 1, "inspectors": ["inspector"],
                 "dueOn": "2025-02-15", "frame": [
                   {"facilityId": "f-a", "county": "tabriz", "programme": "HOME_BUSINESS"},
                   {"facilityId": "f-b", "county": "tabriz", "programme": "HOME_BUSINESS", "riskWeight": 3},
                   {"facilityId": "f-c", "county": "marand", "programme": "HOME_BUSINESS"}]}""";

        RasadHttp.Response first = http.post(rasad.commandUrl() + "/api/samples", "manager", sample);
        RasadHttp.Response again = http.post(rasad.commandUrl() + "/api/samples", "manager", sample);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json()).hasSize(2);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(rasad.querySide()
                        .getBean(EventStore.class)
                        .readEvents("s-e2e")
                        .asStream()
                        .count())
                .isOne();
        assertThat(http.post(rasad.commandUrl() + "/api/samples", "inspector", sample)
                        .status())
                .isEqualTo(403);
    }

    private void grantForSampling(String facilityId, int person, String county) {
        assertThat(http.post(
                                rasad.commandUrl() + "/api/facilities",
                                "bank-officer",
                                RasadHttp.grant(facilityId, NationalIds.valid(person), county, "bank-melli"))
                        .status())
                .as("a sample is drawn from granted facilities only")
                .isEqualTo(201);
    }

    @Test
    void a_tranche_beyond_the_banks_quota_is_recorded_and_flagged() {
        http.put(
                rasad.commandUrl() + "/api/planning/1404/quotas/BANK/bank-melli/HOME_BUSINESS/note-16-1404",
                "manager",
                "{\"amountRials\": 2000000000}");
        String grant = RasadHttp.grant("e2e-quota", "0084575948", "tabriz", "bank-melli")
                .replace(
                        "\"grantedOn\": \"2025-05-01\"}",
                        "\"grantedOn\": \"2025-05-01\", \"fundingSource\": \"note-16-1404\"}");
        assertThat(http.post(rasad.commandUrl() + "/api/facilities", "bank-officer", grant)
                        .status())
                .isEqualTo(201);
        String tranches = rasad.commandUrl() + "/api/facilities/e2e-quota/tranches";

        RasadHttp.Response within = http.post(
                tranches,
                "bank-officer",
                "{\"trancheId\": \"q1\", \"amountRials\": 1500000000, \"paidOn\": \"2025-05-10\"}");
        RasadHttp.Response beyond = http.post(
                tranches,
                "bank-officer",
                "{\"trancheId\": \"q2\", \"amountRials\": 1000000000, \"paidOn\": \"2025-05-20\"}");
        RasadHttp.Response retried = http.post(
                tranches,
                "bank-officer",
                "{\"trancheId\": \"q2\", \"amountRials\": 1000000000, \"paidOn\": \"2025-05-20\"}");

        assertThat(within.status()).isEqualTo(201);
        assertThat(within.json().get("beyondQuota").asBoolean()).isFalse();
        assertThat(beyond.status()).as("recorded, not refused").isEqualTo(201);
        assertThat(beyond.json().get("beyondQuota").asBoolean()).isTrue();
        assertThat(retried.body()).isEqualTo(beyond.body());
    }

    @Test
    void each_processor_reports_its_position_lag_and_replay_state() {
        http.post(
                rasad.commandUrl() + "/api/facilities",
                "bank-officer",
                RasadHttp.grant("e2e-status", "0499370899", "tabriz", "bank-melli"));
        awaitCase(http, rasad.queryUrl() + "/api/facilities/e2e-status");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode processors =
                    http.get(rasad.queryUrl() + "/api/processors", "admin").json();
            assertThat(processors).anySatisfy(p -> {
                assertThat(p.get("name").asText()).isEqualTo("facilities");
                assertThat(p.get("head").asLong()).isPositive();
                assertThat(p.get("replaying").asBoolean()).isFalse();
                assertThat(p.get("progress").asText()).contains(" of ");
            });
        });
        assertThat(http.get(rasad.queryUrl() + "/api/processors", "bank-officer")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void metrics_include_axon_processors_and_buses_per_message_type() {
        http.post(
                rasad.commandUrl() + "/api/facilities",
                "bank-officer",
                RasadHttp.grant("e2e-metrics", "1234567891", "tabriz", "bank-melli"));
        awaitCase(http, rasad.queryUrl() + "/api/facilities/e2e-metrics");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(http.get(rasad.queryUrl() + "/actuator/prometheus", "admin")
                                .body())
                        .contains("eventProcessor_processedCounter_total{")
                        .contains("payloadType=\"FacilityGranted\",processorName=\"facilities\""));
        assertThat(http.get(rasad.commandUrl() + "/actuator/prometheus", "admin")
                        .body())
                .contains("commandBus_allTimer_seconds{")
                .contains("payloadType=\"GrantFacility\"");
    }

    @Test
    void no_update_checker_runs_on_either_side() {
        for (ConfigurableApplicationContext side :
                new ConfigurableApplicationContext[] {rasad.commandSide(), rasad.querySide()}) {
            assertThat(side.getBeanNamesForType(UpdateChecker.class)).isEmpty();
            assertThat(side.getEnvironment().getProperty("axoniq.update-checker.disabled"))
                    .isEqualTo("true");
            assertThat(System.getProperty("disable-axoniq-console-message")).isEqualTo("true");
        }
    }

    @Test
    void the_api_is_described_by_openapi_on_both_sides() {
        JsonNode commands =
                http.get(rasad.commandUrl() + "/v3/api-docs", "manager").json();
        assertThat(commands.at("/paths/~1api~1facilities/post")).isNotNull();
        assertThat(commands.at("/paths/~1api~1facilities/post/responses/201").isMissingNode())
                .isFalse();
        JsonNode queries =
                http.get(rasad.queryUrl() + "/v3/api-docs", "manager").json();
        assertThat(queries.at("/paths/~1api~1facilities~1{facilityId}/get").isMissingNode())
                .isFalse();
    }
}
