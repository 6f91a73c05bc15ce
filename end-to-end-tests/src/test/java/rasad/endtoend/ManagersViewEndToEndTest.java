package rasad.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import rasad.eventstore.engine.RasadEventStorageEngine;
import rasad.kernel.job.FollowUpRequested;

/**
 * What managers see, through both applications over HTTP: a small province is recorded through the command
 * API, then read back as the dashboard, the bank league table, quota usage, committee approvals, an
 * inspector's worklist and CSV exports; finally read models are rebuilt from zero, as an admin asks on the command
 * side, and compared, document for document, with the ones they replace.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManagersViewEndToEndTest {

    private static final long BN = 1_000_000_000L;

    @TempDir
    static Path dataDir;

    static RasadCluster rasad;
    static MongoClient mongo;
    static final RasadHttp http = new RasadHttp();

    @BeforeAll
    static void recordAProvince() throws IOException {
        int port = EmbeddedDefaultEndToEndTest.freePort();
        // The jobs started in 2025: their follow-ups come due at once; a long grace keeps "missed" ones from
        // arriving while the read models are compared.
        rasad = RasadCluster.embedded(port, dataDir, "memory", Map.of("rasad.follow-up.grace", "P3650D"));
        mongo = MongoClients.create("mongodb://127.0.0.1:" + port);
        String command = rasad.commandUrl();
        ok(http.post(
                command + "/api/reference-data",
                "admin",
                "{\"kind\": \"COUNTY\", \"code\": \"kaleybar\", \"nameFa\": \"کلیبر\", \"nameEn\": \"Kaleybar\"}"));
        ok(http.put(command + "/api/planning/1404/targets/PROVINCE/east-azerbaijan", "manager", "{\"jobs\": 4}"));
        ok(http.put(
                command + "/api/planning/1404/quotas/BANK/bank-melli/HOME_BUSINESS/note-16-1404",
                "manager",
                "{\"amountRials\": " + 10 * BN + "}"));
        ok(http.put(
                command + "/api/planning/1404/quotas/BANK/bank-sepah/HOME_BUSINESS/note-16-1404",
                "manager",
                "{\"amountRials\": " + 10 * BN + "}"));
        ok(http.put(
                command + "/api/planning/1404/quotas/AGENCY/relief-committee/HOME_BUSINESS/note-16-1404",
                "manager",
                "{\"amountRials\": " + 20 * BN + "}"));
        ok(http.post(command + "/api/committee-sessions", "manager", """
                {"sessionId": "committee-1404-01", "heldOn": "2025-04-20", "plans": [
                  {"planId": "rural-1404-1", "title": "Greenhouse, Kaleybar", "programme": "RURAL_SUSTAINABLE",
                   "county": "kaleybar", "amountRials": 5000000000, "committedJobs": 2}]}"""));

        grant("m-1", 1, "tabriz", "bank-melli", "HOME_BUSINESS", "note-16-1404", null, "FEMALE");
        grant("m-2", 2, "marand", "bank-melli", "HOME_BUSINESS", "note-16-1404", null, "MALE");
        grant("m-3", 3, "tabriz", "bank-sepah", "HOME_BUSINESS", "note-16-1404", null, "FEMALE");
        grant(
                "m-4",
                4,
                "kaleybar",
                "bank-melli",
                "RURAL_SUSTAINABLE",
                "repayment-resources-1404",
                "rural-1404-1",
                "MALE");
        pay("m-1", 3 * BN);
        pay("m-2", 3 * BN);
        pay("m-3", BN);
        pay("m-4", 4 * BN);
        job("m-1", "j-1", 11);
        job("m-1", "j-2", 12);
        job("m-2", "j-3", 13);
        job("m-3", "j-4", 14);
        job("m-4", "j-5", 15);
        for (String[] check : new String[][] {{"m-1", "j-1"}, {"m-1", "j-2"}, {"m-2", "j-3"}, {"m-4", "j-5"}}) {
            ok(http.post(
                    command + "/api/facilities/" + check[0] + "/jobs/" + check[1] + "/sms-checks",
                    "admin",
                    "{\"outcome\": \"CONFIRMED\", \"at\": \"2025-06-10T08:00:00Z\"}"));
        }
        ok(http.post(
                command + "/api/facilities/m-3/jobs/j-4/sms-checks",
                "admin",
                "{\"outcome\": \"DENIED\", \"at\": \"2025-06-10T08:00:00Z\"}"));
        for (String[] check : new String[][] {{"m-1", "j-1"}, {"m-1", "j-2"}, {"m-4", "j-5"}}) {
            ok(http.post(
                    command + "/api/facilities/" + check[0] + "/jobs/" + check[1] + "/phone-checks",
                    "admin",
                    "{\"outcome\": \"CONFIRMED\", \"at\": \"2025-06-12T08:00:00Z\", \"caller\": \"call-centre-1\"}"));
        }
        ok(http.post(
                command + "/api/facilities/m-2/jobs/j-3/phone-checks",
                "admin",
                "{\"outcome\": \"DENIED\", \"at\": \"2025-06-12T08:00:00Z\", \"caller\": \"call-centre-1\"}"));
        ok(http.post(command + "/api/samples", "manager", """
                {"sampleId": "s-1404-1", "seed": 1404, "defaultSize": 1, "inspectors": ["inspector"],
                 "dueOn": "2025-07-15", "frame": [{"facilityId": "m-2", "county": "marand", "programme": "HOME_BUSINESS"}]}"""));
    }

    @AfterAll
    static void stop() {
        mongo.close();
        rasad.close();
    }

    @Test
    @Order(1)
    void the_dashboard_shows_target_against_jobs_registered_and_verified_by_stage() {
        JsonNode dashboard = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> http.get(rasad.queryUrl() + "/api/dashboard/1404", "manager")
                                .json(),
                        read -> read.at("/total/jobs").asInt() == 5
                                && read.at("/total/plansDrawn").asInt() == 1);
        JsonNode total = dashboard.get("total");
        assertThat(total.get("targetJobs").asInt()).isEqualTo(4);
        assertThat(total.get("achievementPercent").asDouble()).isEqualTo(125.0);
        assertThat(total.get("plans").asInt()).isEqualTo(4);
        assertThat(total.get("paidRials").asLong()).isEqualTo(11 * BN);
        assertThat(total.get("smsConfirmed").asInt()).isEqualTo(4);
        assertThat(total.get("phoneConfirmed").asInt()).isEqualTo(3);
        assertThat(total.get("verified").asInt()).isEqualTo(3);
        assertThat(total.get("fte").asDouble()).isEqualTo(5.0);
        // jobs started in Khordad (month 3), money paid in Ordibehesht (month 2)
        assertThat(dashboard.at("/months/2/figures/jobs").asInt()).isEqualTo(5);
        assertThat(dashboard.at("/months/1/figures/paidRials").asLong()).isEqualTo(11 * BN);
        assertThat(figure(dashboard, "bank", "bank-sepah").get("jobs").asInt()).isOne();
        assertThat(figure(dashboard, "gender", "FEMALE").get("jobs").asInt()).isEqualTo(3);
        assertThat(figure(dashboard, "programme", "RURAL_SUSTAINABLE")
                        .get("verified")
                        .asInt())
                .isOne();
        assertThat(dashboard.at("/sample/plansDrawn").asInt()).isOne();
        assertThat(dashboard.at("/sample/plansVisited").asInt()).isZero();

        JsonNode firstMonths = http.get(rasad.queryUrl() + "/api/dashboard/1404?fromMonth=1&toMonth=2", "manager")
                .json();
        assertThat(firstMonths.at("/total/jobs").asInt()).isZero();
        assertThat(firstMonths.at("/total/paidRials").asLong()).isEqualTo(11 * BN);
        RasadHttp.Response badMonth = http.get(rasad.queryUrl() + "/api/dashboard/1404?fromMonth=13", "manager");
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.json().at("/errors/0/field").asText()).isEqualTo("fromMonth");
    }

    @Test
    @Order(2)
    void the_league_table_ranks_banks_by_absorption_and_flags_those_below_expectation() {
        JsonNode banks = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> http.get(rasad.queryUrl() + "/api/dashboard/1404/banks", "manager")
                                .json(),
                        read -> read.size() == 2 && read.get(0).get("paidRials").asLong() == 10 * BN);
        assertThat(banks.get(0).get("bank").asText()).isEqualTo("bank-melli");
        assertThat(banks.get(0).get("rank").asInt()).isOne();
        assertThat(banks.get(0).get("absorptionPercent").asDouble()).isEqualTo(100.0);
        assertThat(banks.get(0).get("belowExpectation").asBoolean()).isFalse();
        assertThat(banks.get(0).get("jobs").asInt()).isEqualTo(4);
        assertThat(banks.get(0).get("jobsPerBillionRials").asDouble()).isEqualTo(0.4);
        assertThat(banks.get(1).get("bank").asText()).isEqualTo("bank-sepah");
        assertThat(banks.get(1).get("absorptionPercent").asDouble()).isEqualTo(10.0);
        assertThat(banks.get(1).get("belowExpectation").asBoolean()).isTrue();
        // granted 2025-05-01, first jobs started 2025-06-01
        assertThat(banks.get(1).get("medianDaysToFirstJob").asInt()).isEqualTo(31);

        RasadHttp.Response csv =
                http.get(rasad.queryUrl() + "/api/dashboard/1404/banks?format=csv&lang=fa&currency=tomans", "manager");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("\uFEFFرتبه,بانک عامل,بانک عامل (نام),سهمیه (تومان),پرداخت (تومان)");
        // no reference data names bank-sepah in this province: its name column is empty
        assertThat(lines.get(2)).startsWith("2,bank-sepah,,1000000000,100000000,10.0,");
    }

    @Test
    @Order(3)
    void quota_usage_shows_each_institutions_quota_against_what_was_paid_under_it() {
        JsonNode quotas = http.get(rasad.queryUrl() + "/api/dashboard/1404/quotas?holderKind=AGENCY", "manager")
                .json();
        assertThat(quotas).hasSize(1);
        assertThat(quotas.get(0).get("holder").asText()).isEqualTo("relief-committee");
        assertThat(quotas.get(0).get("quotaRials").asLong()).isEqualTo(20 * BN);
        assertThat(quotas.get(0).get("paidRials").asLong()).isEqualTo(7 * BN);
        assertThat(quotas.get(0).get("usedPercent").asDouble()).isEqualTo(35.0);
        assertThat(quotas.get(0).get("plans").asInt()).isEqualTo(3);
        assertThat(http.get(rasad.queryUrl() + "/api/dashboard/1404/quotas?holderKind=PERSON", "manager")
                        .status())
                .isEqualTo(400);
    }

    @Test
    @Order(4)
    void committee_approvals_show_what_their_facilities_paid_and_created() {
        JsonNode approvals = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> http.get(rasad.queryUrl() + "/api/committee-approvals?fiscalYear=1404", "manager")
                                .json(),
                        read -> read.path("plansFinanced").asInt() == 1);
        assertThat(approvals.get("plans").asInt()).isOne();
        JsonNode plan = approvals.at("/items/0");
        assertThat(plan.get("financedBy").asText()).isEqualTo("m-4");
        assertThat(plan.get("paidRials").asLong()).isEqualTo(4 * BN);
        assertThat(plan.get("jobs").asInt()).isOne();
        assertThat(plan.get("verified").asInt()).isOne();
        assertThat(plan.get("jobsPercentOfCommitted").asDouble()).isEqualTo(50.0);
        assertThat(plan.at("/names/county").asText()).isEqualTo("Kaleybar");
        assertThat(http.get(rasad.queryUrl() + "/api/committee-approvals?fiscalYear=1404&lang=fa", "manager")
                        .json()
                        .at("/items/0/names/county")
                        .asText())
                .isEqualTo("کلیبر");
    }

    @Test
    @Order(5)
    void an_inspector_sees_their_overdue_visits_first_and_only_their_own() {
        JsonNode worklist = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> http.get(rasad.queryUrl() + "/api/worklist", "inspector")
                                .json(),
                        read -> read.size() == 1);
        assertThat(worklist.get(0).get("facilityId").asText()).isEqualTo("m-2");
        assertThat(worklist.get(0).get("overdue").asBoolean()).isTrue();
        assertThat(worklist.get(0).get("county").asText()).isEqualTo("marand");
        assertThat(http.get(rasad.queryUrl() + "/api/worklist?inspector=someone-else", "inspector")
                        .status())
                .isEqualTo(403);

        RasadHttp.Response csv = http.get(rasad.queryUrl() + "/api/worklist?inspector=inspector&format=csv", "manager");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).contains("Due (Solar Hijri),Due (ISO)");
        assertThat(lines.get(1)).contains("1404/04/24,2025-07-15");
    }

    @Test
    @Order(6)
    void a_case_shows_a_short_timeline_of_who_did_what() {
        JsonNode facility =
                http.get(rasad.queryUrl() + "/api/facilities/m-1", "manager").json();
        List<String> events = new ArrayList<>();
        facility.get("timeline").forEach(step -> events.add(step.get("event").asText()));
        assertThat(events).startsWith("FacilityGranted", "TrancheDisbursed").contains("PhoneCheckRecorded");
        assertThat(facility.at("/timeline/0/actor").asText()).isEqualTo("admin");
    }

    @Test
    @Order(6)
    void a_follow_up_whose_horizon_passed_before_the_job_was_registered_is_requested_at_once() {
        // the jobs started on 2025-06-01: six months on was long before this test registered them
        await().atMost(Duration.ofSeconds(30))
                .until(() -> rasad.querySide()
                        .getBean(EventStore.class)
                        .readEvents(NationalIds.valid(1011))
                        .asStream()
                        .anyMatch(event -> event.getPayload() instanceof FollowUpRequested));
    }

    @Test
    @Order(6)
    void the_facility_list_exports_as_csv_and_a_bad_export_option_is_named() {
        RasadHttp.Response csv =
                http.get(rasad.queryUrl() + "/api/facilities?bank=bank-sepah&format=csv&lang=en", "manager");
        List<String> lines = csv.body().lines().toList();
        assertThat(csv.header("Content-Disposition")).contains("facilities-page-0.csv");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .startsWith("\uFEFFFacility,National id,Beneficiary,Programme,Programme (name),Bank,Bank (name)")
                .endsWith(",Status,Status (name)");
        assertThat(lines.get(1))
                .startsWith("m-3,")
                .endsWith(",5000000000,1000000000,2,1,1404/02/11,2025-05-01,PARTLY_DISBURSED,partly disbursed");

        RasadHttp.Response bad = http.get(rasad.queryUrl() + "/api/facilities?format=xml", "manager");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/errors/0/field").asText()).isEqualTo("format");
        assertThat(bad.json().at("/errors/0/rule").asText()).isEqualTo("ONE_OF");
    }

    @Test
    @Order(7)
    void a_rebuilt_read_model_is_the_same_document_for_document_and_queries_switch_to_it() throws InterruptedException {
        awaitQuiet();
        MongoDatabase database = mongo.getDatabase("rasad");
        for (String[] model :
                new String[][] {{"dashboard", "dashboard", "dashboard_cases"}, {"facilities", "facilities"}}) {
            String processor = model[0];
            List<List<Document>> live = new ArrayList<>();
            for (int i = 1; i < model.length; i++) {
                live.add(database.getCollection(model[i])
                        .find()
                        .sort(new Document("_id", 1))
                        .into(new ArrayList<>()));
            }
            String request = "{\"rebuildId\": \"e2e-" + processor + "\", \"readModel\": \"" + processor
                    + "\", \"reason\": \"compare a rebuilt " + processor + " with the live one\"}";
            assertThat(http.post(rasad.commandUrl() + "/api/read-model-rebuilds", "manager", request)
                            .status())
                    .isEqualTo(403);
            RasadHttp.Response accepted = http.post(rasad.commandUrl() + "/api/read-model-rebuilds", "admin", request);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);

            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Document generations = database.getCollection("read_model_generations")
                        .find(new Document("_id", processor))
                        .first();
                return generations != null
                        && generations.getInteger("live") == 1
                        && generations.get("building") == null;
            });
            for (int i = 1; i < model.length; i++) {
                List<Document> rebuilt = database.getCollection(model[i] + "__g1")
                        .find()
                        .sort(new Document("_id", 1))
                        .into(new ArrayList<>());
                assertThat(rebuilt).as(model[i]).isNotEmpty().isEqualTo(live.get(i - 1));
                assertThat(database.listCollectionNames().into(new ArrayList<>()))
                        .as("old generation dropped")
                        .doesNotContain(model[i]);
            }
            JsonNode action = await().atMost(Duration.ofSeconds(10))
                    .until(
                            () -> http.get(accepted.header("Location"), "auditor"),
                            answer -> answer.status() == 200
                                    && "SWITCHED_OVER"
                                            .equals(answer.json().path("status").asText()))
                    .json();
            assertThat(action.get("actor").asText()).isEqualTo("admin");
            assertThat(action.get("reason").asText())
                    .isEqualTo("compare a rebuilt " + processor + " with the live one");
            assertThat(action.get("generation").asInt()).isEqualTo(1);
        }
        assertThat(http.get(rasad.queryUrl() + "/api/dashboard/1404", "manager")
                        .json()
                        .at("/total/jobs")
                        .asInt())
                .isEqualTo(5);
        assertThat(http.get(rasad.queryUrl() + "/api/facilities/m-1", "manager")
                        .json()
                        .get("paidRials")
                        .asLong())
                .isEqualTo(3 * BN);
        assertThat(http.post(rasad.queryUrl() + "/api/processors/facilities/rebuild", "admin", "{}")
                        .status())
                .as("rebuilds are asked for on the command side now")
                .isEqualTo(410);
        RasadHttp.Response notKept = http.post(
                rasad.commandUrl() + "/api/read-model-rebuilds",
                "admin",
                "{\"rebuildId\": \"e2e-reference-data\", \"readModel\": \"reference-data\", \"reason\": \"not rebuildable\"}");
        assertThat(notKept.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> http.get(notKept.header("Location"), "admin")
                        .json()
                        .path("refusalRule")
                        .asText()
                        .equals("UNKNOWN_READ_MODEL"));
    }

    /** Caught up, and no event written for two seconds: the deadlines due at the start have all run. */
    private static void awaitQuiet() throws InterruptedException {
        long head;
        do {
            awaitCaughtUp();
            head = rasad.querySide().getBean(RasadEventStorageEngine.class).headPosition();
            Thread.sleep(2_000);
        } while (head
                != rasad.querySide().getBean(RasadEventStorageEngine.class).headPosition());
        awaitCaughtUp();
    }

    private static void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode processors =
                    http.get(rasad.queryUrl() + "/api/processors", "admin").json();
            for (JsonNode processor : processors) {
                if (processor.get("behindEvents").asLong() != 0) {
                    return false;
                }
            }
            return processors.size() > 0;
        });
    }

    private static JsonNode figure(JsonNode dashboard, String breakdown, String code) {
        for (JsonNode row : dashboard.at("/breakdowns/" + breakdown)) {
            if (row.get("code").asText().equals(code)) {
                return row.get("figures");
            }
        }
        throw new AssertionError("no " + breakdown + " " + code + " in " + dashboard);
    }

    private static void grant(
            String id,
            int person,
            String county,
            String bank,
            String programme,
            String source,
            String plan,
            String gender) {
        ok(http.post(rasad.commandUrl() + "/api/facilities", "admin", """
                {"facilityId": "%s", "beneficiary": {"nationalId": "%s", "name": "Beneficiary %d", "gender": "%s"},
                 "programme": "%s", "bank": "%s", "agency": "relief-committee", "county": "%s",
                 "amountRials": 5000000000, "committedJobs": 2, "grantedOn": "2025-05-01",
                 "fundingSource": "%s" %s}""".formatted(
                        id,
                        NationalIds.valid(person),
                        person,
                        gender,
                        programme,
                        bank,
                        county,
                        source,
                        plan == null ? "" : ", \"approvedPlan\": \"" + plan + "\"")));
    }

    private static void pay(String facility, long rials) {
        ok(http.post(
                rasad.commandUrl() + "/api/facilities/" + facility + "/tranches",
                "admin",
                "{\"trancheId\": \"t-1\", \"amountRials\": " + rials + ", \"paidOn\": \"2025-05-10\"}"));
    }

    private static void job(String facility, String job, int person) {
        ok(http.post(rasad.commandUrl() + "/api/facilities/" + facility + "/jobs", "admin", """
                {"jobId": "%s", "nationalId": "%s", "occupation": "tailor", "startedOn": "2025-06-01",
                 "fullTime": true, "seasonalMonths": 0}""".formatted(
                        job, NationalIds.valid(1000 + person))));
    }

    private static void ok(RasadHttp.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 204);
    }
}
