package rasad.command.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import rasad.command.CommandApiTest;
import rasad.kernel.alerts.AlertCleared;
import rasad.kernel.alerts.AlertIds;
import rasad.kernel.alerts.AlertRaised;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.alerts.Severity;
import rasad.kernel.people.NationalId;

/**
 * Every rule through the real command API, processor, deadlines and store: a case that raises its alert, and a
 * close case that must not. A "must not" is asserted once the rules have processed every event and no check
 * that was due is left to run.
 */
class AlertRulesOverHttpTest extends CommandApiTest {

    private static final AtomicInteger PEOPLE = new AtomicInteger(400_000_000);
    private static final String LONG_AGO = "2025-04-01";

    @Autowired
    ProcessedThrough processed;

    @Autowired
    MongoDatabase database;

    // ---- R1, R2: jobs after the first disbursement

    @Test
    void r1_no_job_90_days_after_the_first_disbursement() throws Exception {
        grantAndPay("r1-fires", "HOME_BUSINESS", 1, LONG_AGO, null);
        grantAndPay("r1-quiet", "HOME_BUSINESS", 1, LONG_AGO, null);
        job("r1-quiet", "j-1", LONG_AGO, "tailor", 0);
        grantAndPay(
                "r1-not-yet", "HOME_BUSINESS", 1, LocalDate.now().minusDays(80).toString(), null);

        AlertRaised raised = raisedEventually("r1.r1-fires");
        assertThat(raised.rule()).isEqualTo(AlertRule.R1);
        assertThat(raised.severity()).isEqualTo(Severity.HIGH);
        assertThat(raised.subject().facilityId()).isEqualTo("r1-fires");
        assertThat(raised.subject().bank()).isEqualTo("bank-melli");
        assertThat(raised.explanation()).contains("no job registered 90 days after the first disbursement");
        settle();
        assertThat(eventsOf("r1.r1-quiet")).isEmpty();
        assertThat(eventsOf("r1.r1-not-yet")).as("due in ten days").isEmpty();

        job("r1-fires", "j-1", "2025-09-01", "tailor", 0);
        assertThat(clearedEventually("r1.r1-fires").explanation()).isEqualTo("a first job was registered");
    }

    @Test
    void r2_fewer_jobs_than_committed_when_the_job_deadline_passed() throws Exception {
        grantAndPay("r2-fires", "HOME_BUSINESS", 3, LONG_AGO, null);
        job("r2-fires", "j-1", LONG_AGO, "tailor", 0);
        job("r2-fires", "j-2", LONG_AGO, "tailor", 0);
        grantAndPay("r2-quiet", "HOME_BUSINESS", 2, LONG_AGO, null);
        job("r2-quiet", "j-1", LONG_AGO, "tailor", 0);
        job("r2-quiet", "j-2", LONG_AGO, "tailor", 0);

        assertThat(raisedEventually("r2.r2-fires").explanation())
                .startsWith("2 of 3 committed jobs registered 180 days");
        settle();
        assertThat(eventsOf("r2.r2-quiet")).isEmpty();
        assertThat(eventsOf("r1.r2-fires")).as("it has jobs").isEmpty();

        job("r2-fires", "j-3", "2025-10-01", "tailor", 0);
        clearedEventually("r2.r2-fires");
    }

    // ---- R3, R4: the SMS and phone checks

    @Test
    void r3_half_of_a_facilitys_jobs_denied_or_unanswered_by_sms_and_cleared_by_a_confirmed_redo() throws Exception {
        grantAndPay("r3-case", "HOME_BUSINESS", 4, LONG_AGO, null);
        for (String job : List.of("j-1", "j-2", "j-3", "j-4")) {
            job("r3-case", job, LONG_AGO, "tailor", 0);
        }
        check("r3-case", "j-1", "sms", "DENIED", null);
        check("r3-case", "j-2", "sms", "NO_ANSWER", null);
        check("r3-case", "j-3", "sms", "CONFIRMED", null);
        check("r3-case", "j-4", "sms", "CONFIRMED", null);
        grantAndPay("r3-one-of-two", "HOME_BUSINESS", 2, LONG_AGO, null);
        for (String job : List.of("j-1", "j-2")) {
            job("r3-one-of-two", job, LONG_AGO, "tailor", 0);
        }
        check("r3-one-of-two", "j-1", "sms", "NO_ANSWER", null);
        check("r3-one-of-two", "j-2", "sms", "CONFIRMED", null);

        AlertRaised raised = raisedEventually("r3.r3-case");
        assertThat(raised.explanation())
                .isEqualTo("2 of the facility's 4 jobs failed the SMS check (j-1 denied, j-2 no answer)");
        assertThat(raised.subject().facilityId()).isEqualTo("r3-case");
        settle();
        assertThat(eventsOf("r3.r3-one-of-two"))
                .as("one unanswered text of two jobs is below min-failed-checks (2)")
                .isEmpty();

        check("r3-case", "j-1", "sms", "CONFIRMED", "the person had mistyped the answer");
        clearedEventually("r3.r3-case");
    }

    @Test
    void r4_half_of_a_facilitys_jobs_failed_by_phone() throws Exception {
        grantAndPay("r4-case", "HOME_BUSINESS", 2, LONG_AGO, null);
        grantAndPay("r4-one-of-two", "HOME_BUSINESS", 2, LONG_AGO, null);
        for (String facility : List.of("r4-case", "r4-one-of-two")) {
            for (String job : List.of("j-1", "j-2")) {
                job(facility, job, LONG_AGO, "tailor", 0);
                check(facility, job, "sms", "CONFIRMED", null);
                boolean fails = job.equals("j-1") || facility.equals("r4-case");
                check(facility, job, "phone", fails ? "UNREACHABLE" : "CONFIRMED", null);
            }
        }

        assertThat(raisedEventually("r4.r4-case").explanation())
                .isEqualTo("2 of the facility's 2 jobs failed the phone check (j-1 unreachable, j-2 unreachable)");
        settle();
        assertThat(eventsOf("r4.r4-one-of-two")).isEmpty();
    }

    // ---- R5, R7: field visits

    @Test
    void r5_a_visit_that_finds_the_business_closed_and_a_later_one_that_finds_it_working() throws Exception {
        grantAndPay("r5-closed", "HOME_BUSINESS", 1, LONG_AGO, null);
        grantAndPay("r5-fine", "HOME_BUSINESS", 1, LONG_AGO, null);
        visit("r5-closed", "v-1", Instant.now().minusSeconds(3600), 38.08, 46.29, false, false, null);
        visit("r5-fine", "v-1", Instant.now().minusSeconds(3600), 38.08, 46.29, true, true, null);

        assertThat(raisedEventually("r5.r5-closed").explanation())
                .isEqualTo("the field visit found that the business was closed; the money was not used as planned");
        settle();
        assertThat(eventsOf("r5.r5-fine")).isEmpty();

        visit("r5-closed", "v-2", Instant.now().minusSeconds(60), 38.08, 46.29, true, true, null);
        clearedEventually("r5.r5-closed");
    }

    @Test
    void r7_a_drawn_plan_not_visited_by_its_due_date() throws Exception {
        grantAndPay("r7-unvisited", "HOME_BUSINESS", 1, LONG_AGO, null);
        grantAndPay("r7-visited", "HOME_BUSINESS", 1, LONG_AGO, null);
        HttpResponse<String> drawn = post("manager", "/api/samples", """
                {"sampleId": "r7-sample", "seed": 7, "sizes": {"tabriz/HOME_BUSINESS": 2}, "defaultSize": 2, "inspectors": ["inspector"], "dueOn": "2025-10-01",
                 "frame": [{"facilityId": "r7-unvisited", "county": "tabriz", "programme": "HOME_BUSINESS"},
                           {"facilityId": "r7-visited", "county": "tabriz", "programme": "HOME_BUSINESS"}]}""");
        assertThat(drawn.statusCode()).as(drawn.body()).isEqualTo(201);
        visit("r7-visited", "v-1", Instant.now().minusSeconds(600), 38.08, 46.29, true, true, null);

        assertThat(raisedEventually("r7.r7-unvisited.overdue").explanation())
                .isEqualTo("the field visit assigned in r7-sample was not made by its due date");
        settle();
        assertThat(eventsOf("r7.r7-visited.overdue")).isEmpty();
    }

    @Test
    void r7_a_visit_far_from_the_registered_workplace() throws Exception {
        String workplace =
                "\"workplace\": {\"address\": \"Tabriz, Valiasr 12\", \"latitude\": 38.0800, \"longitude\": 46.2900}";
        grantAndPay("r7-far", "HOME_BUSINESS", 1, LONG_AGO, workplace);
        grantAndPay("r7-near", "HOME_BUSINESS", 1, LONG_AGO, workplace.replace("Valiasr 12", "Valiasr 14"));
        visit("r7-far", "v-1", Instant.now().minusSeconds(600), 38.0980, 46.2900, true, true, null); // 2 km north
        visit("r7-near", "v-1", Instant.now().minusSeconds(600), 38.0809, 46.2900, true, true, null); // 100 m

        assertThat(raisedEventually("r7.r7-far.far").explanation())
                .matches("the visit was recorded 2,00\\d m from the " + "registered workplace \\(at most 500 m\\)");
        settle();
        assertThat(eventsOf("r7.r7-near.far")).isEmpty();
    }

    @Test
    void r7_a_visit_received_long_after_the_device_recorded_it_unless_imported() throws Exception {
        grantAndPay("r7-late", "HOME_BUSINESS", 1, LONG_AGO, null);
        visit("r7-late", "v-1", Instant.now().minus(Duration.ofDays(10)), 38.08, 46.29, true, true, null);
        visit("r7-late", "v-2", Instant.now().minus(Duration.ofDays(2)), 38.08, 46.29, true, true, null);
        visit("r7-late", "v-3", Instant.now().minus(Duration.ofDays(300)), 38.08, 46.29, true, true, "kara-1404");

        assertThat(raisedEventually("r7.r7-late.late.r7-late-v-1").explanation())
                .startsWith("the visit reached Rasad 10 days after");
        settle();
        assertThat(eventsOf("r7.r7-late.late.r7-late-v-2")).isEmpty();
        assertThat(eventsOf("r7.r7-late.late.r7-late-v-3"))
                .as("imported from the earlier system")
                .isEmpty();
    }

    @Test
    void only_an_admin_may_mark_records_as_imported() throws Exception {
        HttpResponse<String> refused = post(
                "bank-officer",
                "/api/facilities",
                grantBody("import-refused", "HOME_BUSINESS", 1, null),
                "X-Imported-From",
                "kara-1404");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("IMPORT_NOT_ALLOWED");
    }

    // ---- R6: one person, one counted job

    @Test
    void r6_a_second_facility_claiming_a_person_who_holds_a_job() throws Exception {
        grantAndPay("r6-first", "HOME_BUSINESS", 1, LONG_AGO, null);
        grantAndPay("r6-second", "HOME_BUSINESS", 1, LONG_AGO, null);
        String person = person();
        assertThat(jobOf("r6-first", "j-1", person, LONG_AGO).statusCode()).isEqualTo(201);
        HttpResponse<String> refused = jobOf("r6-second", "j-9", person, LONG_AGO);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("JOB_ALREADY_COUNTED");

        AlertRaised raised = raisedEventually(AlertIds.of(AlertRule.R6, AlertIds.digest(person)));
        assertThat(raised.subject().facilityId()).isEqualTo("r6-second");
        assertThat(raised.explanation()).contains("under facility r6-first").doesNotContain(person);

        // a person whose first job ended may be counted again: no alert
        grantAndPay("r6-later", "HOME_BUSINESS", 1, LONG_AGO, null);
        String moved = person();
        jobOf("r6-first", "j-2", moved, LONG_AGO);
        assertThat(post(
                                "admin",
                                "/api/people/" + moved + "/jobs/j-2/end",
                                "{\"endedOn\": \"2026-06-01\", \"reason\": \"moved to Tabriz\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(jobOf("r6-later", "j-1", moved, "2026-06-02").statusCode()).isEqualTo(201);
        settle();
        assertThat(eventsOf(AlertIds.of(AlertRule.R6, AlertIds.digest(moved)))).isEmpty();
    }

    @Test
    void r6_the_beneficiary_counted_as_their_own_job_where_the_programme_forbids_it() throws Exception {
        String cooperativeFounder = grantAndPay("r6-coop", "COOPERATIVE", 1, LONG_AGO, null);
        String homeWorker = grantAndPay("r6-home", "HOME_BUSINESS", 1, LONG_AGO, null);
        jobOf("r6-coop", "j-1", cooperativeFounder, LONG_AGO);
        jobOf("r6-home", "j-1", homeWorker, LONG_AGO);

        assertThat(raisedEventually("r6.r6-coop.own-job").explanation())
                .contains("programme COOPERATIVE does not count");
        settle();
        assertThat(eventsOf("r6.r6-home.own-job")).isEmpty();
    }

    // ---- R8: brokers

    @Test
    void r8_three_facilities_with_one_mobile_number_and_two_with_another() throws Exception {
        for (String facility : List.of("r8-m1", "r8-m2", "r8-m3")) {
            grant(facility, "HOME_BUSINESS", 1, "\"mobile\": \"09141110001\"");
        }
        for (String facility : List.of("r8-n1", "r8-n2")) {
            grant(facility, "HOME_BUSINESS", 1, "\"mobile\": \"09141110002\"");
        }
        AlertRaised raised =
                raisedEventually(AlertIds.of(AlertRule.R8, "mobile", AlertIds.digest("mobile:09141110001")));
        assertThat(raised.explanation())
                .startsWith("3 facilities (r8-m1, r8-m2, r8-m3) share one mobile number (ending 001)")
                .doesNotContain("09141110001");
        assertThat(raised.evidence()).hasSize(3);
        settle();
        assertThat(eventsOf(AlertIds.of(AlertRule.R8, "mobile", AlertIds.digest("mobile:09141110002"))))
                .isEmpty();
    }

    @Test
    void r8_four_facilities_at_one_address_however_it_was_typed() throws Exception {
        List<String> spellings = List.of(
                "تبريز، خيابان امام ۱۲", "تبریز خیابان امام 12", "تبریز - خیابان امام ١٢", "تبریز،  خیابان امام 12");
        for (int i = 0; i < spellings.size(); i++) {
            grant("r8-a" + i, "HOME_BUSINESS", 1, null, "\"workplace\": {\"address\": \"" + spellings.get(i) + "\"}");
        }
        raisedEventually(AlertIds.of(
                AlertRule.R8, "address", AlertIds.digest("address:" + ClusterRules.normalized(spellings.get(0)))));
        assertThat(ClusterRules.normalized(spellings.get(0))).isEqualTo("تبریز خیابان امام 12");
    }

    @Test
    void r8_one_operator_recording_many_facilities_but_not_the_bank_officer_who_records_them_all() throws Exception {
        for (String facility : List.of("r8-o1", "r8-o2", "r8-o3")) {
            HttpResponse<String> granted =
                    post("agency-clerk", "/api/facilities", grantBody(facility, "DIGITAL_ECONOMY", 1, null));
            assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        }
        for (String facility : List.of("r8-b1", "r8-b2", "r8-b3")) {
            assertThat(post("bank-officer", "/api/facilities", grantBody(facility, "DIGITAL_ECONOMY", 1, null))
                            .statusCode())
                    .isEqualTo(201);
        }
        assertThat(raisedEventually(AlertIds.of(AlertRule.R8, "operator", AlertIds.digest("operator:agency-clerk")))
                        .explanation())
                .contains("share one operator (agency-clerk)");
        settle();
        assertThat(eventsOf(AlertIds.of(AlertRule.R8, "operator", AlertIds.digest("operator:bank-officer"))))
                .isEmpty();
    }

    // ---- R9: sustainability

    @Test
    void r9_a_job_ended_before_the_horizon_and_seasonal_work_claimed_as_year_round() throws Exception {
        grantAndPay("r9-case", "RURAL_SUSTAINABLE", 4, LONG_AGO, null);
        String early = person();
        String late = person();
        jobOf("r9-case", "j-1", early, "2025-05-01");
        jobOf("r9-case", "j-2", late, "2025-05-01");
        job("r9-case", "j-3", "2025-05-01", "saffron picking", 0);
        job("r9-case", "j-4", "2025-05-01", "saffron picking", 3);
        post(
                "admin",
                "/api/people/" + early + "/jobs/j-1/end",
                "{\"endedOn\": \"2025-08-01\", \"reason\": \"closed\"}");
        post(
                "admin",
                "/api/people/" + late + "/jobs/j-2/end",
                "{\"endedOn\": \"2026-06-01\", \"reason\": \"retired\"}");

        assertThat(raisedEventually("r9.r9-case.j-1").explanation())
                .isEqualTo(
                        "the job started on 2025-05-01 ended on 2025-08-01, before the sustainability horizon (2026-05-01)");
        assertThat(raisedEventually("r9.r9-case.j-3.seasonal").severity()).isEqualTo(Severity.LOW);
        settle();
        assertThat(eventsOf("r9.r9-case.j-2")).isEmpty();
        assertThat(eventsOf("r9.r9-case.j-4.seasonal")).isEmpty();
    }

    // ---- R10: payments beyond the grant

    @Test
    void r10_a_payment_beyond_the_grant_is_refused_and_alerted() throws Exception {
        grantAndPay("r10-over", "HOME_BUSINESS", 1, LONG_AGO, null);
        grantAndPay("r10-exact", "HOME_BUSINESS", 1, LONG_AGO, null);
        HttpResponse<String> over = post(
                "admin",
                "/api/facilities/r10-over/tranches",
                "{\"trancheId\": \"t-2\", \"amountRials\": 1, \"paidOn\": \"2025-05-01\"}");
        assertThat(over.statusCode()).isEqualTo(409);
        assertThat(over.body()).contains("DISBURSEMENT_EXCEEDS_GRANT");

        AlertRaised raised = raisedEventually("r10.r10-over");
        assertThat(raised.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(raised.explanation())
                .isEqualTo("the bank reported paying 1 rials on 2025-05-01, which would take the "
                        + "facility to 3,000,000,001 rials against a grant of 3,000,000,000 rials");
        settle();
        assertThat(eventsOf("r10.r10-exact")).isEmpty();
    }

    // ---- R11: banks far below their quota

    @Test
    void r11_a_bank_far_below_its_quota_and_one_on_pace() throws Exception {
        quota("bank-tejarat", "r11-slow", 100_000_000_000L);
        quota("bank-saderat", "r11-steady", 10_000_000_000L);
        grantAndPayFrom("r11-slow-1", "bank-tejarat", "r11-slow", 3_000_000_000L);
        grantAndPayFrom("r11-steady-1", "bank-saderat", "r11-steady", 3_000_000_000L);
        grantAndPayFrom("r11-steady-2", "bank-saderat", "r11-steady", 3_000_000_000L);

        AlertRaised raised =
                raisedEventually(AlertIds.of(AlertRule.R11, "1404", "bank-tejarat", "home-business", "r11-slow"));
        assertThat(raised.explanation())
                .startsWith(
                        "by the end of month 12 of 1404, bank-tejarat had paid 3.0 % of its " + "HOME_BUSINESS quota");
        assertThat(raised.subject().bank()).isEqualTo("bank-tejarat");
        settle();
        assertThat(open(AlertIds.of(AlertRule.R11, "1404", "bank-tejarat", "home-business", "r11-slow")))
                .isTrue();
        // the check may have looked before the payments were recorded; once they were, the bank is on pace
        assertThat(open(AlertIds.of(AlertRule.R11, "1404", "bank-saderat", "home-business", "r11-steady")))
                .as("60 % paid against an alert below 50 %")
                .isFalse();
    }

    // ---- operations

    @Test
    void the_rules_processors_show_how_far_they_have_read() throws Exception {
        grantAndPay("status-case", "HOME_BUSINESS", 1, LONG_AGO, null);
        settle();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/processors"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("manager:manager".getBytes()))
                .build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        var rules = StreamSupport.stream(JSON.readTree(answer.body()).spliterator(), false)
                .filter(processor -> processor.get("name").asText().equals(MonitoringProcessor.NAME))
                .findFirst()
                .orElseThrow();
        assertThat(rules.get("claimedHere").asBoolean()).isTrue();
        // deadlines of other tests (follow-ups of jobs started long ago) may append events meanwhile
        assertThat(rules.get("position").asLong())
                .isPositive()
                .isLessThanOrEqualTo(rules.get("head").asLong());
        assertThat(rules.get("behindEvents").asLong())
                .isEqualTo(rules.get("head").asLong() - rules.get("position").asLong());
        assertThat(rules.get("errors")).isEmpty();
    }

    // ---- helpers

    private String person() {
        return NationalId.completing(String.format("%09d", PEOPLE.incrementAndGet()))
                .value();
    }

    private String grantBody(String facilityId, String programme, int committedJobs, String extra) {
        return grantBody(facilityId, person(), programme, committedJobs, null, extra);
    }

    private String grantBody(
            String facilityId, String beneficiary, String programme, int committedJobs, String mobile, String extra) {
        return """
                {"facilityId": "%s", "beneficiary": {"nationalId": "%s", "name": "Reza Azari"%s},
                 "programme": "%s", "bank": "bank-melli", "agency": "relief-committee", "county": "tabriz",
                 "amountRials": 3000000000, "committedJobs": %d, "grantedOn": "2025-03-25"%s}""".formatted(
                        facilityId,
                        beneficiary,
                        mobile == null ? "" : ", " + mobile,
                        programme,
                        committedJobs,
                        extra == null ? "" : ", " + extra);
    }

    private String grant(String facilityId, String programme, int committedJobs, String mobile) throws Exception {
        return grant(facilityId, programme, committedJobs, mobile, null);
    }

    /** Grants as an admin; answers the beneficiary's national id. */
    private String grant(String facilityId, String programme, int committedJobs, String mobile, String extra)
            throws Exception {
        String beneficiary = person();
        HttpResponse<String> granted = post(
                "admin",
                "/api/facilities",
                grantBody(facilityId, beneficiary, programme, committedJobs, mobile, extra));
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        return beneficiary;
    }

    private String grantAndPay(String facilityId, String programme, int committedJobs, String paidOn, String extra)
            throws Exception {
        String beneficiary = grant(facilityId, programme, committedJobs, null, extra);
        HttpResponse<String> paid = post(
                "admin",
                "/api/facilities/" + facilityId + "/tranches",
                "{\"trancheId\": \"t-1\", \"amountRials\": 3000000000, \"paidOn\": \"%s\"}".formatted(paidOn));
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        return beneficiary;
    }

    private void grantAndPayFrom(String facilityId, String bank, String fundingSource, long amount) throws Exception {
        HttpResponse<String> granted = post(
                "admin",
                "/api/facilities",
                grantBody(facilityId, "HOME_BUSINESS", 1, "\"fundingSource\": \"" + fundingSource + "\"")
                        .replace("bank-melli", bank));
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        assertThat(post(
                                "admin",
                                "/api/facilities/" + facilityId + "/tranches",
                                "{\"trancheId\": \"t-1\", \"amountRials\": %d, \"paidOn\": \"2025-06-01\"}"
                                        .formatted(amount))
                        .statusCode())
                .isEqualTo(201);
    }

    private void quota(String bank, String fundingSource, long rials) throws Exception {
        HttpResponse<String> set = put(
                "manager",
                "/api/planning/1404/quotas/BANK/" + bank + "/HOME_BUSINESS/" + fundingSource,
                "{\"amountRials\": " + rials + ", \"reason\": \"allocation for 1404\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    }

    private void job(String facilityId, String jobId, String startedOn, String occupation, int seasonalMonths)
            throws Exception {
        HttpResponse<String> registered = post("admin", "/api/facilities/" + facilityId + "/jobs", """
                {"jobId": "%s", "nationalId": "%s", "occupation": "%s", "startedOn": "%s", "seasonalMonths": %d}""".formatted(
                        jobId, person(), occupation, startedOn, seasonalMonths));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    }

    private HttpResponse<String> jobOf(String facilityId, String jobId, String nationalId, String startedOn)
            throws Exception {
        return post("admin", "/api/facilities/" + facilityId + "/jobs", """
                {"jobId": "%s", "nationalId": "%s", "occupation": "tailor", "startedOn": "%s"}""".formatted(jobId, nationalId, startedOn));
    }

    private void check(String facilityId, String jobId, String stage, String outcome, String reason) throws Exception {
        HttpResponse<String> recorded = post(
                "admin",
                "/api/facilities/" + facilityId + "/jobs/" + jobId + "/" + stage + "-checks",
                "{\"outcome\": \"%s\", \"at\": \"%s\"%s%s}"
                        .formatted(
                                outcome,
                                Instant.now().minusSeconds(60),
                                stage.equals("phone") ? ", \"caller\": \"call-centre\"" : "",
                                reason == null ? "" : ", \"reason\": \"" + reason + "\""));
        assertThat(recorded.statusCode()).as(recorded.body()).isBetween(200, 201);
    }

    private void visit(
            String facilityId,
            String visitId,
            Instant deviceTime,
            double latitude,
            double longitude,
            boolean operating,
            boolean moneyAsPlanned,
            String importedFrom)
            throws Exception {
        String body =
                """
                {"visitId": "%s", "deviceTime": "%s", "latitude": %s, "longitude": %s, "accuracyMetres": 10,
                 "businessOperating": %s, "jobsSeen": {}, "moneyUsedAsPlanned": %s, "photos": []}""".formatted(facilityId + "-" + visitId, deviceTime, latitude, longitude, operating, moneyAsPlanned);
        HttpResponse<String> recorded = importedFrom == null
                ? post("admin", "/api/facilities/" + facilityId + "/field-visits", body)
                : post(
                        "admin",
                        "/api/facilities/" + facilityId + "/field-visits",
                        body,
                        "X-Imported-From",
                        importedFrom);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
    }

    private AlertRaised raisedEventually(String alertId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> eventsOf(alertId).stream()
                                .map(event -> event.getPayload())
                                .filter(AlertRaised.class::isInstance)
                                .map(AlertRaised.class::cast)
                                .findFirst()
                                .orElse(null),
                        raised -> raised != null);
    }

    private AlertCleared clearedEventually(String alertId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> eventsOf(alertId).stream()
                                .map(event -> event.getPayload())
                                .filter(AlertCleared.class::isInstance)
                                .map(AlertCleared.class::cast)
                                .findFirst()
                                .orElse(null),
                        cleared -> cleared != null);
    }

    private boolean open(String alertId) {
        Object last = null;
        for (var event : eventsOf(alertId)) {
            if (event.getPayload() instanceof AlertRaised || event.getPayload() instanceof AlertCleared) {
                last = event.getPayload();
            }
        }
        return last instanceof AlertRaised;
    }

    /** The rules have processed every event, and no check that is due is waiting to run. */
    private void settle() {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    long head = eventStore.createHeadToken().position().orElse(-1);
                    long due = database.getCollection("deadlines")
                            .countDocuments(Filters.and(
                                    Filters.eq("name", RuleChecks.DEADLINE),
                                    Filters.in("status", "SCHEDULED", "RUNNING"),
                                    Filters.lte("dueAt", Instant.now().toString())));
                    return processed.position() >= head && due == 0;
                });
    }
}
