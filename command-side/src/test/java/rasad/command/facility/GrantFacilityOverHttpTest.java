package rasad.command.facility;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import rasad.command.CommandApiTest;
import rasad.kernel.facility.BeneficiaryProfile;
import rasad.kernel.facility.FacilityGranted;

/** Granting a facility over the command API. */
class GrantFacilityOverHttpTest extends CommandApiTest {

    @Autowired
    MongoDatabase database;

    static String body(String facilityId, String nationalId, long amount) {
        return """
                {"facilityId": "%s",
                 "beneficiary": {"nationalId": "%s", "name": "مریم احمدی"},
                 "programme": "HOME_BUSINESS", "bank": "bank-melli", "agency": "relief-committee", "county": "tabriz",
                 "amountRials": %d, "committedJobs": 2, "grantedOn": "2025-05-01"}
                """.formatted(facilityId, nationalId, amount);
    }

    HttpResponse<String> grant(String user, String json, String... headers) throws Exception {
        return post(user, "/api/facilities", json, headers);
    }

    @Test
    void a_facility_loaded_from_a_snapshot_still_takes_payments_and_jobs() throws Exception {
        grant("bank-officer", body("http-snap", "1234567891", 3_000_000_000L));
        for (int t = 1; t <= 4; t++) {
            HttpResponse<String> tranche = post(
                    "bank-officer",
                    "/api/facilities/http-snap/tranches",
                    "{\"trancheId\": \"t" + t + "\", \"amountRials\": 100000000, \"paidOn\": \"2025-05-1" + t + "\"}");
            assertThat(tranche.statusCode()).isEqualTo(201);
        }

        assertThat(database.getCollection("event_snapshots").countDocuments(new Document("_id", "http-snap")))
                .as("the facility now loads from a snapshot")
                .isOne();

        HttpResponse<String> job = post(
                "agency-clerk",
                "/api/facilities/http-snap/jobs",
                "{\"jobId\": \"js-1\", \"nationalId\": \"1500000000\", \"occupation\": \"potter\", "
                        + "\"startedOn\": \"2025-06-01\"}");

        assertThat(job.statusCode()).as(job.body()).isEqualTo(201);
        assertThat(JSON.readTree(post(
                                        "bank-officer",
                                        "/api/facilities/http-snap/tranches",
                                        "{\"trancheId\": \"t5\", \"amountRials\": 100000000, \"paidOn\": \"2025-05-20\"}")
                                .body())
                        .get("paidSoFarRials")
                        .asLong())
                .isEqualTo(500_000_000L);
    }

    @Test
    void an_imported_grant_keeps_when_it_happened_in_the_earlier_system() throws Exception {
        HttpResponse<String> imported = grant(
                "admin",
                body("http-imported", "0499370899", 3_000_000_000L),
                "X-Imported-From",
                "kara-1404",
                "X-Occurred-At",
                "2025-05-01T08:30:00+03:30");

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(eventsOf("http-imported").get(0).getMetaData().get("occurredAt"))
                .isEqualTo("2025-05-01T05:00:00Z");
    }

    @Test
    void only_an_imported_record_says_when_it_happened_and_never_in_the_future() throws Exception {
        HttpResponse<String> notImported = grant(
                "admin",
                body("http-not-imported", "0499370899", 3_000_000_000L),
                "X-Occurred-At",
                "2025-05-01T08:30:00Z");
        HttpResponse<String> future = grant(
                "admin",
                body("http-future", "0499370899", 3_000_000_000L),
                "X-Imported-From",
                "kara-1404",
                "X-Occurred-At",
                Instant.now().plusSeconds(86_400).toString());
        HttpResponse<String> malformed = grant(
                "admin",
                body("http-malformed", "0499370899", 3_000_000_000L),
                "X-Imported-From",
                "kara-1404",
                "X-Occurred-At",
                "yesterday");

        List<String> refusals = new ArrayList<>();
        for (HttpResponse<String> answer : List.of(notImported, future, malformed)) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
            JsonNode error = JSON.readTree(answer.body()).at("/errors/0");
            refusals.add(error.get("field").asText() + "=" + error.get("rule").asText());
        }
        assertThat(refusals)
                .containsExactly(
                        "X-Occurred-At=OCCURRED_AT_ONLY_FOR_IMPORTS",
                        "X-Occurred-At=OCCURRED_AT_IN_FUTURE",
                        "X-Occurred-At=INSTANT_FORMAT");
        assertThat(eventsOf("http-not-imported")).isEmpty();
        assertThat(eventsOf("http-future")).isEmpty();
    }

    @Test
    void a_grant_answers_201_with_the_location_of_the_case_on_the_query_side() throws Exception {
        HttpResponse<String> response = grant("bank-officer", body("http-1", "0499370899", 3_000_000_000L));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("http://127.0.0.1:18082/api/facilities/http-1");
        assertThat(eventsOf("http-1")).hasSize(1);
    }

    @Test
    void a_reason_whose_percent_encoding_is_broken_is_refused_naming_the_header_and_nothing_is_granted()
            throws Exception {
        for (String broken : new String[] {"%E0%A4%A", "100%", "%zz"}) {
            HttpResponse<String> refused = post(
                    "bank-officer",
                    "/api/facilities",
                    body("http-bad-reason", "0013542419", 5_000_000_000L),
                    "X-Reason",
                    broken);
            assertThat(refused.statusCode()).as(broken + ": " + refused.body()).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).at("/errors/0/field").asText())
                    .isEqualTo("X-Reason");
            assertThat(JSON.readTree(refused.body()).at("/errors/0/rule").asText())
                    .isEqualTo("REASON_ENCODING");
        }
        assertThat(eventsOf("http-bad-reason")).isEmpty();
    }

    @Test
    void a_body_with_a_key_twice_content_after_it_or_a_fraction_of_rials_is_refused_and_nothing_is_granted()
            throws Exception {
        String valid = body("http-strict", "0013542419", 5_000_000_000L);
        String twice = valid.replaceFirst("\\{", "{\"amountRials\": 1, ");
        String trailing = valid + " {\"more\": true}";
        String fraction = valid.replace("5000000000", "5000000000.5");
        for (String bad : new String[] {twice, trailing, fraction}) {
            HttpResponse<String> refused = post("bank-officer", "/api/facilities", bad);
            assertThat(refused.statusCode()).as(bad + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        HttpResponse<String> fractional = post("bank-officer", "/api/facilities", fraction);
        assertThat(JSON.readTree(fractional.body()).at("/errors/0/field").asText())
                .isEqualTo("amountRials");
        assertThat(eventsOf("http-strict")).isEmpty();
        assertThat(post("bank-officer", "/api/facilities", valid).statusCode()).isEqualTo(201);
    }

    @Test
    void every_event_says_who_in_which_role_for_whom_why_under_which_request_and_when() throws Exception {
        String reason = URLEncoder.encode("طرح مصوب کمیته", StandardCharsets.UTF_8);
        grant(
                "bank-officer",
                body("http-2", "0013542419", 5_000_000_000L),
                "X-Request-Id",
                "req-42",
                "X-Reason",
                reason);

        var metaData = eventsOf("http-2").get(0).getMetaData();
        assertThat(metaData.get("actor")).isEqualTo("bank-officer");
        assertThat(metaData.get("actorRole")).isEqualTo("bank-officer");
        assertThat(metaData.get("onBehalfOf")).isEqualTo("bank-melli");
        assertThat(metaData.get("reason")).isEqualTo("طرح مصوب کمیته");
        assertThat(metaData.get("requestId")).isEqualTo("req-42");
        assertThat(metaData.get("correlationId")).isNotNull();
        assertThat(Instant.parse((String) metaData.get("recordedAt")))
                .isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void a_retried_grant_creates_nothing_new_and_answers_as_the_first_did() throws Exception {
        HttpResponse<String> first = grant("bank-officer", body("http-3", "0084575948", 1_000_000_000L));
        HttpResponse<String> retry = grant("bank-officer", body("http-3", "0084575948", 1_000_000_000L));

        assertThat(retry.statusCode()).isEqualTo(first.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(eventsOf("http-3")).hasSize(1);
    }

    @Test
    void retries_racing_each_other_all_answer_201_and_record_one_grant() throws Exception {
        String grant = body("http-race", "0010350829", 2_000_000_000L);
        var pool = Executors.newFixedThreadPool(8);
        try {
            var attempts = new ArrayList<Future<HttpResponse<String>>>();
            for (int i = 0; i < 8; i++) {
                attempts.add(pool.submit(() -> grant("bank-officer", grant)));
            }
            for (var attempt : attempts) {
                assertThat(attempt.get().statusCode()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(eventsOf("http-race")).hasSize(1);
    }

    @Test
    void the_same_id_with_other_details_is_a_409_conflict_naming_the_rule() throws Exception {
        grant("bank-officer", body("http-4", "0067749828", 1_000_000_000L));
        HttpResponse<String> other = grant("bank-officer", body("http-4", "0067749828", 9_000_000_000L));

        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(other.body()).get("rule").asText()).isEqualTo("FACILITY_ID_TAKEN");
        assertThat(eventsOf("http-4")).hasSize(1);
    }

    @Test
    void bad_input_is_a_400_problem_naming_each_field_and_rule_and_records_nothing() throws Exception {
        String bad = """
                {"facilityId": "http-5", "beneficiary": {"nationalId": "0499370898"},
                 "programme": "HOME BUSINESS", "bank": "bank-melli", "agency": "relief-committee", "county": "tabriz",
                 "amountRials": 0, "committedJobs": 0, "grantedOn": "2025-05-01"}
                """;

        HttpResponse<String> response = grant("bank-officer", bad);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:rasad:problem:invalid-input");
        assertThat(problem.get("errors"))
                .extracting(e -> e.get("field").asText() + "=" + e.get("rule").asText())
                .containsExactly(
                        "beneficiary.nationalId=NATIONAL_ID_CHECK_DIGIT",
                        "beneficiary.name=REQUIRED",
                        "programme=CODE_FORMAT",
                        "amountRials=AMOUNT_NOT_POSITIVE",
                        "committedJobs=COMMITTED_JOBS_BELOW_ONE");
        assertThat(eventsOf("http-5")).isEmpty();
    }

    @Test
    void a_full_grant_records_the_beneficiarys_profile_workplace_branch_and_funding_source() throws Exception {
        String full = """
                {"facilityId": "http-full",
                 "beneficiary": {"nationalId": "1500000000", "name": "زهرا رضایی", "gender": "FEMALE",
                                 "disabled": true, "rural": true, "mobile": "09141234567"},
                 "programme": "SUPPORT_INSTITUTIONS", "bank": "bank-melli", "agency": "relief-committee",
                 "county": "osku", "amountRials": 2000000000, "committedJobs": 1, "grantedOn": "2025-07-01",
                 "workplace": {"address": "Osku, Imam St. 5", "latitude": 37.9156, "longitude": 46.1239},
                 "branch": "melli-osku", "fundingSource": "note-16-1403"}
                """;

        assertThat(grant("bank-officer", full).statusCode()).isEqualTo(201);

        var granted = (FacilityGranted) eventsOf("http-full").get(0).getPayload();
        assertThat(granted.profile().gender()).isEqualTo(BeneficiaryProfile.Gender.FEMALE);
        assertThat(granted.profile().disabled()).isTrue();
        assertThat(granted.workplace().location().latitude()).isEqualTo(37.9156);
        assertThat(granted.fundingSource()).isEqualTo("note-16-1403");
    }

    @Test
    void a_bad_profile_or_workplace_is_named_field_by_field() throws Exception {
        String bad = body("http-badprofile", "0499370899", 1)
                .replace(
                        "\"name\": \"مریم احمدی\"}",
                        "\"name\": \"مریم احمدی\", \"gender\": \"F\", \"mobile\": \"0914\"}")
                .replace(
                        "\"grantedOn\": \"2025-05-01\"}",
                        "\"grantedOn\": \"2025-05-01\", \"workplace\": {\"address\": \"x\", \"latitude\": 95, \"longitude\": 46}}");

        HttpResponse<String> response = grant("bank-officer", bad);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("errors"))
                .extracting(e -> e.get("field").asText() + "=" + e.get("rule").asText())
                .containsExactly(
                        "beneficiary.gender=UNKNOWN_GENDER",
                        "beneficiary.mobile=MOBILE_FORMAT",
                        "workplace=LATITUDE_OUT_OF_RANGE");
    }

    @Test
    void a_value_of_the_wrong_type_is_a_400_problem_naming_the_field() throws Exception {
        HttpResponse<String> response =
                grant("bank-officer", body("http-6", "0499370899", 1).replace("\"2025-05-01\"", "true"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:rasad:problem:malformed-body");
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("grantedOn");
        assertThat(eventsOf("http-6")).isEmpty();
    }

    @Test
    void a_day_that_does_not_exist_is_a_400_problem_naming_the_field_and_its_rule() throws Exception {
        HttpResponse<String> response =
                grant("bank-officer", body("http-6b", "0499370899", 1).replace("\"2025-05-01\"", "\"2025-13-01\""));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:rasad:problem:invalid-input");
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("grantedOn");
        assertThat(problem.at("/errors/0/rule").asText()).isNotBlank();
        assertThat(eventsOf("http-6b")).isEmpty();
    }

    @Test
    void a_body_of_another_media_type_is_a_415_problem() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/facilities"))
                        .header("Content-Type", "text/plain")
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        "bank-officer:bank-officer".getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString("facility please"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void a_body_over_the_limit_is_a_413_problem_and_records_nothing() throws Exception {
        String huge = body("http-huge", "0499370899", 1).replace("مریم احمدی", "x".repeat(300_000));

        HttpResponse<String> response = grant("bank-officer", huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).get("type").asText()).isEqualTo("urn:rasad:problem:too-large");
        assertThat(eventsOf("http-huge")).isEmpty();
    }

    @Test
    void no_credentials_is_a_401_problem_with_a_basic_challenge() throws Exception {
        HttpResponse<String> response = grant(null, body("http-7", "0499370899", 1));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .get()
                .asString()
                .startsWith("Basic");
        assertThat(JSON.readTree(response.body()).get("type").asText()).isEqualTo("urn:rasad:problem:unauthenticated");
    }

    @Test
    void a_bank_officer_closes_only_their_banks_facilities() throws Exception {
        assertThat(grant("admin", body("http-sepah-case", "0499370899", 1).replace("bank-melli", "bank-sepah"))
                        .statusCode())
                .isEqualTo(201);
        String closure = "{\"kind\": \"REPAID\", \"closedOn\": \"2026-01-10\"}";

        HttpResponse<String> byMelli = post("bank-officer", "/api/facilities/http-sepah-case/closure", closure);

        assertThat(byMelli.statusCode()).as(byMelli.body()).isEqualTo(403);
        assertThat(JSON.readTree(byMelli.body()).get("rule").asText()).isEqualTo("NOT_THE_FACILITYS_BANK");
        assertThat(eventsOf("http-sepah-case")).hasSize(1);
        assertThat(post("manager", "/api/facilities/http-sepah-case/closure", closure)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_bank_officer_grants_only_for_their_bank_and_a_clerk_only_for_their_agency() throws Exception {
        HttpResponse<String> otherBank =
                grant("bank-officer", body("http-other-bank", "0499370899", 1).replace("bank-melli", "bank-sepah"));
        assertThat(otherBank.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(otherBank.body()).get("rule").asText()).isEqualTo("NOT_THE_FACILITYS_BANK");

        assertThat(grant("agency-clerk", body("http-clerk", "0499370899", 1)).statusCode())
                .isEqualTo(201);
        HttpResponse<String> otherAgency = grant(
                "agency-clerk",
                body("http-other-agency", "0499370899", 1).replace("relief-committee", "welfare-organization"));
        assertThat(JSON.readTree(otherAgency.body()).get("rule").asText()).isEqualTo("NOT_THE_FACILITYS_AGENCY");
        assertThat(eventsOf("http-other-bank")).isEmpty();
        assertThat(eventsOf("http-other-agency")).isEmpty();
    }

    @Test
    void an_auditor_reads_but_may_not_grant() throws Exception {
        HttpResponse<String> response = grant("auditor", body("http-8", "0499370899", 1));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(eventsOf("http-8")).isEmpty();
    }
}
