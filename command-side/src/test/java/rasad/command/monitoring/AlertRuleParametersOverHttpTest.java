package rasad.command.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import rasad.command.CommandApiTest;
import rasad.kernel.alerts.AlertRaised;
import rasad.kernel.alerts.AlertRuleParametersChanged;
import rasad.kernel.alerts.Severity;
import rasad.kernel.people.NationalId;

/**
 * An admin changes a rule's parameters over HTTP; the rules use the change from where it stands in the store, and a
 * replay of the rules decides exactly as the first run did. Its own application context (and store): the replay
 * resets the rules' processor, which the other tests' context must not see.
 */
@TestPropertySource(properties = "rasad.alerts.programmes.PARAM_CONFIGURED.failed-checks-share=0.7")
class AlertRuleParametersOverHttpTest extends CommandApiTest {

    private static final AtomicInteger PEOPLE = new AtomicInteger(500_000_000);
    private static final String LONG_AGO = "2025-04-01";

    @Autowired
    ProcessedThrough processed;

    @Autowired
    MongoDatabase database;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void a_changed_share_raises_from_the_change_on_and_a_replay_of_the_rules_decides_the_same() throws Exception {
        // given one unanswered text among three jobs, judged with the configured share (0.5): no alert
        facilityWithSmsChecks("pr-before", "PARAM_RAISE", "NO_ANSWER", "CONFIRMED", "CONFIRMED");
        // when an admin lowers R3's share for that programme to 0.3, and its minimum to one job, and makes it HIGH
        HttpResponse<String> changed = put("admin", "/api/alert-rules/R3/parameters", """
                {"changeId": "c-raise", "programme": "PARAM_RAISE",
                 "parameters": {"failed-checks-share": 0.3, "min-failed-checks": 1},
                 "severity": "HIGH", "reason": "committee decision 1405-08: unanswered texts were missed"}""");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        // and raises it for another programme to 0.9
        assertThat(put("admin", "/api/alert-rules/r3/parameters", """
                {"changeId": "c-quiet", "programme": "PARAM_QUIET", "parameters": {"failed-checks-share": 0.9},
                 "reason": "these cooperatives' members rarely answer texts"}""").statusCode())
                .isEqualTo(200);
        facilityWithSmsChecks("pr-after", "PARAM_RAISE", "NO_ANSWER", "CONFIRMED", "CONFIRMED");
        facilityWithSmsChecks("pr-unchanged", "PARAM_UNCHANGED", "NO_ANSWER", "CONFIRMED", "CONFIRMED");
        facilityWithSmsChecks("pq-half", "PARAM_QUIET", "DENIED", "NO_ANSWER", "CONFIRMED", "CONFIRMED");
        facilityWithSmsChecks("pu-half", "PARAM_UNCHANGED", "DENIED", "NO_ANSWER", "CONFIRMED", "CONFIRMED");

        // then the change counts from where it stands in the store, for its programme only
        AlertRaised raised = raisedEventually("r3.pr-after");
        assertThat(raised.severity()).isEqualTo(Severity.HIGH);
        assertThat(raised.explanation()).isEqualTo("1 of the facility's 3 jobs failed the SMS check (j-1 no answer)");
        assertThat(raisedEventually("r3.pu-half").severity())
                .as("the configured share and severity")
                .isEqualTo(Severity.MEDIUM);
        settle();
        assertThat(eventsOf("r3.pr-before")).as("judged before the change").isEmpty();
        assertThat(eventsOf("r3.pr-unchanged")).as("another programme").isEmpty();
        assertThat(eventsOf("r3.pq-half")).as("half is below 0.9").isEmpty();

        // and a replay of the rules from the first event, with their state forgotten, decides exactly the same
        replayTheRules();
        assertThat(eventsOf("r3.pr-before")).isEmpty();
        assertThat(eventsOf("r3.pq-half")).isEmpty();
        assertThat(eventsOf("r3.pr-after")).hasSize(1);
        assertThat(eventsOf("r3.pu-half")).hasSize(1);
        JsonNode raise = rule(rules("manager"), "R3").at("/programmes/PARAM_RAISE");
        assertThat(raise.at("/parameters/failed-checks-share").asDouble())
                .as("rebuilt from the events")
                .isEqualTo(0.3);
        assertThat(raise.at("/lastChange/changeId").asText()).isEqualTo("c-raise");
    }

    @Test
    void the_rules_in_effect_show_the_configuration_and_each_change_with_who_when_and_why() throws Exception {
        assertThat(put("admin", "/api/alert-rules/R10/parameters", """
                {"changeId": "c-r10", "programme": "PARAM_SHOWN", "severity": "low", "enabled": false,
                 "reason": "a pilot programme whose banks report by hand"}""").statusCode())
                .isEqualTo(200);
        settle();

        JsonNode rules = rules("auditor");
        assertThat(rules.get("appliedThrough").asLong()).isPositive();
        JsonNode r3 = rule(rules, "R3");
        assertThat(r3.get("accepts"))
                .extracting(JsonNode::asText)
                .containsExactly("failed-checks-share", "min-failed-checks");
        assertThat(r3.at("/everyProgramme/parameters/failed-checks-share").asDouble())
                .isEqualTo(0.5);
        assertThat(r3.at("/everyProgramme/severity").asText()).isEqualTo("MEDIUM");
        assertThat(r3.at("/programmes/PARAM_CONFIGURED/parameters/failed-checks-share")
                        .asDouble())
                .as("configured for a programme")
                .isEqualTo(0.7);
        assertThat(r3.at("/programmes/PARAM_CONFIGURED/lastChange").isMissingNode())
                .isTrue();
        assertThat(rule(rules, "R6")
                        .at("/programmes/COOPERATIVE/parameters/beneficiary-may-be-own-job")
                        .asBoolean())
                .isFalse();
        assertThat(rule(rules, "R1")
                        .at("/everyProgramme/parameters/no-job-within")
                        .asText())
                .isEqualTo("P90D");
        JsonNode r10 = rule(rules, "R10").at("/programmes/PARAM_SHOWN");
        assertThat(r10.get("enabled").asBoolean()).isFalse();
        assertThat(r10.get("severity").asText()).isEqualTo("LOW");
        assertThat(r10.at("/lastChange/actor").asText()).isEqualTo("admin");
        assertThat(r10.at("/lastChange/actorRole").asText()).isEqualTo("admin");
        assertThat(r10.at("/lastChange/onBehalfOf").asText()).isEqualTo("rasad-operations");
        assertThat(r10.at("/lastChange/reason").asText()).isEqualTo("a pilot programme whose banks report by hand");
        assertThat(Instant.parse(r10.at("/lastChange/at").asText())).isBefore(Instant.now());
        assertThat(rule(rules, "R10").at("/everyProgramme/severity").asText()).isEqualTo("CRITICAL");

        assertThat(get("bank-officer", "/api/alert-rules").statusCode()).isEqualTo(403);
    }

    @Test
    void a_change_is_recorded_once_under_its_id_and_other_content_under_it_is_refused() throws Exception {
        String body = """
                {"changeId": "c-once", "parameters": {"quota-below-percent-of-expected": 40}, "programme": "PARAM_ONCE",
                 "reason": "the budget came late this year"}""";
        HttpResponse<String> first = put("admin", "/api/alert-rules/R11/parameters", body);
        HttpResponse<String> again = put("admin", "/api/alert-rules/R11/parameters", body);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        var events = eventsOf("alert-rule-change/c-once");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getPayload())
                .isInstanceOfSatisfying(
                        AlertRuleParametersChanged.class,
                        changed ->
                                assertThat(changed.parameters()).containsEntry("quota-below-percent-of-expected", 40));
        assertThat(events.get(0).getMetaData())
                .containsEntry("actor", "admin")
                .containsEntry("reason", "the budget came late this year");

        HttpResponse<String> other = put("admin", "/api/alert-rules/R11/parameters", body.replace("40", "30"));
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(other.body()).get("rule").asText()).isEqualTo("CHANGE_ID_TAKEN");
        assertThat(eventsOf("alert-rule-change/c-once")).hasSize(1);
    }

    @Test
    void bad_changes_are_refused_naming_the_field_and_the_rule_and_record_nothing() throws Exception {
        assertRefused("R3", """
                {"changeId": "c-bad-1", "parameters": {"failed-checks-share": 0.3}}""", "reason=REASON_REQUIRED");
        assertRefused("R3", """
                {"changeId": "c-bad-2", "parameters": {"failed-checks-share": 0.3}, "reason": "  "}""", "reason=REASON_REQUIRED");
        assertRefused(
                "R3",
                """
                {"changeId": "c-bad-3", "parameters": {"failed-checks-share": 1.5, "no-job-within": "P30D"}, "reason": "x"}""",
                "parameters.failed-checks-share=SHARE_OUT_OF_RANGE",
                "parameters.no-job-within=UNKNOWN_PARAMETER");
        assertRefused(
                "R8",
                """
                {"changeId": "c-bad-4", "parameters": {"cluster-window": "P-30D", "same-mobile": 1, "operator-roles": ["broker"]},
                 "reason": "x"}""",
                "parameters.cluster-window=PERIOD_NOT_POSITIVE",
                "parameters.same-mobile=CLUSTER_BELOW_TWO",
                "parameters.operator-roles=UNKNOWN_ROLE");
        assertRefused(
                "R1",
                """
                {"changeId": "c-bad-5", "parameters": {"no-job-within": 60}, "severity": "URGENT", "programme": "home business",
                 "reason": "x"}""",
                "programme=CODE_FORMAT",
                "severity=UNKNOWN_SEVERITY",
                "parameters.no-job-within=TYPE_MISMATCH");
        assertRefused("R12", """
                {"changeId": "c-bad-6", "severity": "HIGH", "reason": "x"}""", "rule=UNKNOWN_RULE");
        assertRefused("R10", """
                {"changeId": "c bad", "parameters": {}, "reason": "x"}""", "changeId=ACTION_ID_FORMAT");
        assertRefused("R10", """
                {"changeId": "c-bad-8", "parameters": {}, "reason": "x"}""", "parameters=NOTHING_TO_CHANGE");
        assertRefused("R11", """
                {"changeId": "c-bad-9", "parameters": {"quota-check-from-month": 13}, "reason": "x"}""", "parameters.quota-check-from-month=MONTH_RANGE");
        for (int i = 1; i <= 9; i++) {
            assertThat(eventsOf("alert-rule-change/c-bad-" + i)).isEmpty();
        }

        HttpResponse<String> byManager = put("manager", "/api/alert-rules/R3/parameters", """
                {"changeId": "c-manager", "parameters": {"failed-checks-share": 0.9}, "reason": "fewer alerts please"}""");
        assertThat(byManager.statusCode()).isEqualTo(403);
        assertThat(eventsOf("alert-rule-change/c-manager")).isEmpty();
    }

    // ---- helpers

    private void assertRefused(String rule, String body, String... fieldRules) throws Exception {
        HttpResponse<String> refused = put("admin", "/api/alert-rules/" + rule + "/parameters", body);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("errors"))
                .extracting(e -> e.get("field").asText() + "=" + e.get("rule").asText())
                .containsExactlyInAnyOrder(fieldRules);
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode rules(String user) throws Exception {
        HttpResponse<String> answer = get(user, "/api/alert-rules");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static JsonNode rule(JsonNode rules, String name) {
        for (JsonNode rule : rules.get("rules")) {
            if (rule.get("rule").asText().equals(name)) {
                return rule;
            }
        }
        throw new AssertionError("no rule " + name);
    }

    /** A facility of the programme with one job per outcome, each job's SMS check recorded with that outcome. */
    private void facilityWithSmsChecks(String facilityId, String programme, String... outcomes) throws Exception {
        HttpResponse<String> granted =
                post("admin", "/api/facilities", """
                {"facilityId": "%s", "beneficiary": {"nationalId": "%s", "name": "Reza Azari"},
                 "programme": "%s", "bank": "bank-melli", "agency": "relief-committee", "county": "tabriz",
                 "amountRials": 3000000000, "committedJobs": %d, "grantedOn": "2025-03-25"}""".formatted(facilityId, person(), programme, outcomes.length));
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        for (int i = 0; i < outcomes.length; i++) {
            String jobId = "j-" + (i + 1);
            HttpResponse<String> job =
                    post("admin", "/api/facilities/" + facilityId + "/jobs", """
                    {"jobId": "%s", "nationalId": "%s", "occupation": "tailor", "startedOn": "%s"}""".formatted(jobId, person(), LONG_AGO));
            assertThat(job.statusCode()).as(job.body()).isEqualTo(201);
        }
        for (int i = 0; i < outcomes.length; i++) {
            HttpResponse<String> sms = post(
                    "admin",
                    "/api/facilities/" + facilityId + "/jobs/j-" + (i + 1) + "/sms-checks",
                    "{\"outcome\": \"%s\", \"at\": \"%s\"}"
                            .formatted(outcomes[i], Instant.now().minusSeconds(60)));
            assertThat(sms.statusCode()).as(sms.body()).isBetween(200, 201);
        }
    }

    private String person() {
        return NationalId.completing(String.format("%09d", PEOPLE.incrementAndGet()))
                .value();
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

    /** The rules forget what they remember and read the store again from the first event. */
    private void replayTheRules() {
        TrackingEventProcessor rules = processing
                .eventProcessor(MonitoringProcessor.NAME, TrackingEventProcessor.class)
                .orElseThrow();
        rules.shutDown();
        database.getCollection(RuleState.COLLECTION).drop();
        rules.resetTokens();
        rules.start();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !rules.processingStatus().isEmpty() && !rules.isReplaying());
        settle();
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
