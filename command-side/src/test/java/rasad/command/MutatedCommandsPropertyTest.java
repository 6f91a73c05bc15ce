package rasad.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import rasad.eventstore.engine.RasadEventStorageEngine;
import rasad.kernel.alerts.AlertRaised;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.alerts.AlertSubject;
import rasad.kernel.alerts.Evidence;
import rasad.kernel.alerts.Severity;
import rasad.kernel.audit.AuditMetaData;

/**
 * Every command endpoint, sent a valid body with one thing changed — a field replaced by a hostile value,
 * dropped, doubled, or an unknown one added, or a path segment replaced: the answer is never a 5xx, a refusal
 * is problem+json, and a refused request records nothing (no event in the store is the sender's after it).
 * Its own application, on its own embedded server: jqwik runs outside Spring's test context.
 */
class MutatedCommandsPropertyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext app;
    private static int port;

    /** A write as a client sends it: who, how, where, what. */
    record Seed(String user, String method, String path, String body) {}

    private static final List<Seed> SEEDS = List.of(
            new Seed("admin", "POST", "/api/facilities", grant("prop-new")),
            new Seed(
                    "admin",
                    "POST",
                    "/api/facilities/prop-f/tranches",
                    "{\"trancheId\": \"t-p\", \"amountRials\": 1000, \"paidOn\": \"2025-06-01\"}"),
            new Seed(
                    "admin",
                    "POST",
                    "/api/facilities/prop-close/closure",
                    "{\"kind\": \"REPAID\", \"closedOn\": \"2025-06-01\", \"reason\": \"repaid early\"}"),
            new Seed(
                    "admin",
                    "POST",
                    "/api/facilities/prop-f/jobs",
                    "{\"jobId\": \"j-p\", \"nationalId\": \"0499370899\","
                            + " \"occupation\": \"tailor\", \"startedOn\": \"2025-06-01\", \"fullTime\": true, \"seasonalMonths\": 0}"),
            new Seed(
                    "admin",
                    "POST",
                    "/api/people/0499370899/jobs/j-p/end",
                    "{\"endedOn\": \"2025-07-01\", \"reason\": \"the workshop closed\"}"),
            new Seed(
                    "admin",
                    "POST",
                    "/api/people/0499370899/jobs/j-p/follow-ups",
                    "{\"horizon\": \"P182D\", \"outcome\": \"ENDED\", \"endedOn\": \"2025-07-01\"}"),
            new Seed(
                    "admin",
                    "POST",
                    "/api/people/0499370899/jobs/j-p/corrections",
                    "{\"occupation\": \"tailor\", \"startedOn\": \"2025-06-02\", \"fullTime\": true, \"reason\": \"typo\"}"),
            new Seed(
                    "admin",
                    "POST",
                    "/api/facilities/prop-f/jobs/j-p/sms-checks",
                    "{\"outcome\": \"CONFIRMED\", \"at\": \"2025-06-10T08:00:00Z\"}"),
            new Seed(
                    "admin",
                    "POST",
                    "/api/facilities/prop-f/jobs/j-p/phone-checks",
                    "{\"outcome\": \"CONFIRMED\", \"at\": \"2025-06-10T08:00:00Z\", \"caller\": \"agency-clerk\"}"),
            new Seed(
                    "admin",
                    "POST",
                    "/api/facilities/prop-f/field-visits",
                    "{\"visitId\": \"v-p\","
                            + " \"deviceTime\": \"2025-06-01T08:00:00Z\", \"latitude\": 38.07, \"longitude\": 46.29,"
                            + " \"accuracyMetres\": 12.5, \"businessOperating\": true, \"photos\": [], \"jobsSeen\": {\"j-p\": true}}"),
            new Seed(
                    "admin",
                    "POST",
                    "/api/facilities/prop-f/diversion-findings",
                    "{\"findingId\": \"fd-p\","
                            + " \"observedOn\": \"2025-06-01\", \"finding\": \"a car was bought\", \"evidence\": []}"),
            new Seed(
                    "admin",
                    "POST",
                    "/api/diversion-findings/fd-p/decision",
                    "{\"confirmed\": false, \"reason\": \"the car is the business's\"}"),
            new Seed(
                    "admin",
                    "POST",
                    "/api/committee-sessions",
                    "{\"sessionId\": \"cs-p\", \"heldOn\": \"2025-05-01\","
                            + " \"plans\": [{\"planId\": \"pl-p\", \"title\": \"greenhouses\", \"programme\": \"RURAL\","
                            + " \"county\": \"tabriz\", \"amountRials\": 1000, \"committedJobs\": 1}]}"),
            new Seed(
                    "admin",
                    "POST",
                    "/api/reference-data",
                    "{\"kind\": \"COUNTY\", \"code\": \"prop-c\", \"nameFa\": \"شهر\", \"nameEn\": \"City\"}"),
            new Seed("admin", "POST", "/api/reference-data/COUNTY/prop-c/retirement", "{\"reason\": \"merged\"}"),
            new Seed(
                    "admin",
                    "PUT",
                    "/api/planning/1404/targets/AGENCY/relief-committee",
                    "{\"jobs\": 100, \"reason\": \"plan\"}"),
            new Seed(
                    "admin",
                    "PUT",
                    "/api/planning/1404/quotas/BANK/bank-melli/HOME_BUSINESS/note-16-1404",
                    "{\"amountRials\": 1000, \"reason\": \"budget law\"}"),
            new Seed(
                    "admin",
                    "PUT",
                    "/api/alert-rules/R1/parameters",
                    "{\"changeId\": \"pc-p\","
                            + " \"parameters\": {\"no-job-within\": \"P60D\"}, \"reason\": \"the committee asked\"}"),
            new Seed(
                    "admin",
                    "POST",
                    "/api/read-model-rebuilds",
                    "{\"rebuildId\": \"rb-p\", \"readModel\": \"facilities\", \"reason\": \"a fix\"}"),
            new Seed("manager", "POST", "/api/alerts/r1.prop-alerted/acknowledgement", "{\"note\": \"seen\"}"),
            new Seed(
                    "manager",
                    "POST",
                    "/api/alerts/r1.prop-alerted/assignment",
                    "{\"inspector\": \"inspector\", \"visitDueOn\": \"2025-12-01\", \"note\": \"go\"}"),
            new Seed(
                    "manager",
                    "POST",
                    "/api/alerts/r1.prop-alerted/notes",
                    "{\"noteId\": \"n-p\", \"note\": \"called\"}"),
            new Seed(
                    "manager",
                    "POST",
                    "/api/alerts/r1.prop-alerted/escalation",
                    "{\"escalateTo\": \"committee\", \"reason\": \"no answer\"}"),
            new Seed(
                    "manager",
                    "POST",
                    "/api/alerts/r1.prop-alerted/resolution",
                    "{\"resolution\": \"FALSE_ALARM\", \"reason\": \"a typo\"}"),
            new Seed(
                    "admin",
                    "PUT",
                    "/api/staff/prop-staff",
                    "{\"displayName\": \"Prop Staff\", \"role\": \"bank-officer\", \"bank\": \"bank-melli\"}"),
            new Seed(
                    "admin",
                    "PUT",
                    "/api/staff/prop-staff/password",
                    "{\"password\": \"a-long-enough-secret\", \"reason\": \"joined\"}"),
            new Seed("admin", "POST", "/api/staff/prop-staff/retirement", "{\"reason\": \"left\"}"),
            new Seed(
                    "admin",
                    "POST",
                    "/api/samples",
                    "{\"sampleId\": \"sm-p\", \"seed\": 7, \"defaultSize\": 1,"
                            + " \"inspectors\": [\"inspector\"], \"dueOn\": \"2025-12-01\", \"frame\": [{\"facilityId\": \"prop-f\","
                            + " \"county\": \"tabriz\", \"programme\": \"HOME_BUSINESS\", \"riskWeight\": 1.5}]}"));

    private static final List<String> HOSTILE_TEXT = List.of(
            "",
            " ",
            "x".repeat(5_000),
            "\u0000",
            "a\u202Eb",
            "../../etc/passwd",
            "۰۴۹۹۳۷۰۸۹۹",
            "2999-01-01",
            "+999999999-12-31T23:59:59Z",
            "1404/13/40",
            "NaN",
            "\uD800",
            "r1.prop-f",
            "prop-f",
            "COUNTY/tabriz",
            "{\"$ne\": 1}");

    @BeforeContainer
    static void start() throws Exception {
        // as arguments: they outrank the side's own configuration file, as properties would not
        app = new SpringApplicationBuilder(CommandSideApplication.class)
                .run(
                        "--spring.config.name=command-side",
                        "--server.port=0",
                        "--rasad.mongodb.embedded.port=0",
                        "--rasad.mongodb.embedded.backend=memory",
                        "--rasad.links.query-side=http://127.0.0.1:18082");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        assertThat(send(new Seed("admin", "POST", "/api/facilities", grant("prop-f")))
                        .statusCode())
                .isEqualTo(201);
        assertThat(send(new Seed("admin", "POST", "/api/facilities", grant("prop-close")))
                        .statusCode())
                .isEqualTo(201);
        assertThat(send(new Seed("admin", "POST", "/api/facilities", grant("prop-alerted")))
                        .statusCode())
                .isEqualTo(201);
        raiseAnAlert("r1.prop-alerted");
        theSeedsThemselvesAreAccepted();
    }

    /** The seeds the property mutates must reach their handlers, else it would only ever test the door. */
    private static void theSeedsThemselvesAreAccepted() throws Exception {
        List<String> refused = new ArrayList<>();
        for (Seed seed : SEEDS) {
            HttpResponse<String> answer = send(seed);
            if (answer.statusCode() >= 300) {
                refused.add(seed.method() + " " + seed.path() + " -> " + answer.statusCode() + " " + answer.body());
            }
        }
        assertThat(refused).isEmpty();
    }

    /** As the rules raise one, signed by monitoring: no endpoint raises alerts. */
    private static void raiseAnAlert(String alertId) {
        app.getBean(EventStore.class)
                .publish(new GenericDomainEventMessage<>(
                        "Alert",
                        alertId,
                        0,
                        new AlertRaised(
                                alertId,
                                1,
                                AlertRule.R1,
                                Severity.MEDIUM,
                                new AlertSubject(
                                        "prop-alerted",
                                        "bank-melli",
                                        "tabriz",
                                        "relief-committee",
                                        "HOME_BUSINESS",
                                        "prop-alerted"),
                                AlertRule.R1.detects(),
                                List.of(new Evidence(
                                        "evidence-" + alertId,
                                        "FacilityGranted",
                                        Instant.now().minusSeconds(60),
                                        "what the rule saw"))),
                        Map.of(
                                AuditMetaData.ACTOR,
                                "rasad-monitoring",
                                AuditMetaData.ACTOR_ROLE,
                                "system",
                                AuditMetaData.ON_BEHALF_OF,
                                "rule R1"),
                        UUID.randomUUID().toString(),
                        Instant.now()));
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Property(tries = 500)
    void a_mutated_command_is_answered_or_refused_as_a_problem_and_a_refusal_records_nothing(
            @ForAll("mutatedCommands") Seed request) throws Exception {
        RasadEventStorageEngine store = app.getBean(RasadEventStorageEngine.class);
        long before = store.headPosition();

        HttpResponse<String> answer = send(request);

        assertThat(answer.statusCode()).as(request + " -> " + answer.body()).isLessThan(500);
        if (answer.statusCode() >= 400) {
            assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                    .as(request + " -> " + answer.body())
                    .startsWith("application/problem+json");
            List<String> recorded = new ArrayList<>();
            store.forEachStoredEvent(before + 1, store.headPosition(), event -> {
                Object stored = event.get("metaData");
                Document metaData = stored instanceof String text ? Document.parse(text) : (Document) stored;
                if (metaData != null && request.user().equals(metaData.getString(AuditMetaData.ACTOR))) {
                    recorded.add(event.toJson());
                }
            });
            assertThat(recorded)
                    .as("refused with " + answer.statusCode() + " " + answer.body() + ", yet recorded")
                    .isEmpty();
        }
    }

    @Provide
    Arbitrary<Seed> mutatedCommands() {
        Arbitrary<Seed> seeds = Arbitraries.of(SEEDS);
        Arbitrary<JsonNode> values = Arbitraries.oneOf(
                Arbitraries.of(HOSTILE_TEXT).map(JSON.getNodeFactory()::textNode),
                Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, -1L, 0L, 20250501L)
                        .map(JSON.getNodeFactory()::numberNode),
                Arbitraries.of(1.5, -0.0, 1e300, 91.0).map(JSON.getNodeFactory()::numberNode),
                Arbitraries.of(
                        JSON.getNodeFactory().nullNode(),
                        JSON.getNodeFactory().booleanNode(true),
                        JSON.getNodeFactory().arrayNode().addNull(),
                        JSON.getNodeFactory().objectNode().putNull("k")));
        Arbitrary<Integer> where = Arbitraries.integers().between(0, 1_000);
        Arbitrary<Integer> how = Arbitraries.integers().between(0, 4);
        return Combinators.combine(seeds, values, where, how).as(MutatedCommandsPropertyTest::mutated);
    }

    /** One change to a seed: 0 replace a value, 1 drop a field, 2 add an unknown one, 3 double a key, 4 a path segment. */
    private static Seed mutated(Seed seed, JsonNode value, int where, int how) {
        try {
            if (how == 4) {
                String[] segments = seed.path().split("/");
                int at = 2 + where % (segments.length - 2);
                segments[at] = URLEncoder.encode(
                        value.isTextual() ? value.asText() : value.toString(), StandardCharsets.UTF_8);
                return new Seed(
                        seed.user(), seed.method(), String.join("/", segments).replace("+", "%20"), seed.body());
            }
            ObjectNode body = (ObjectNode) JSON.readTree(seed.body());
            List<ObjectNode> holders = new ArrayList<>();
            collect(body, holders);
            ObjectNode holder = holders.get(where % holders.size());
            List<String> names = new ArrayList<>();
            holder.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty() || how == 2) {
                holder.set("unexpected", value);
                return new Seed(seed.user(), seed.method(), seed.path(), body.toString());
            }
            String name = names.get(where % names.size());
            return switch (how) {
                case 0 -> {
                    holder.set(name, value);
                    yield new Seed(seed.user(), seed.method(), seed.path(), body.toString());
                }
                case 1 -> {
                    holder.remove(name);
                    yield new Seed(seed.user(), seed.method(), seed.path(), body.toString());
                }
                default ->
                    new Seed(
                            seed.user(),
                            seed.method(),
                            seed.path(),
                            "{\"" + name + "\": " + value + ", "
                                    + body.toString().substring(1));
            };
        } catch (Exception unreadable) {
            throw new IllegalStateException("a seed that is not JSON: " + seed, unreadable);
        }
    }

    private static void collect(JsonNode node, List<ObjectNode> holders) {
        if (node instanceof ObjectNode object) {
            holders.add(object);
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            fields.forEachRemaining(field -> collect(field.getValue(), holders));
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> collect(element, holders));
        }
    }

    private static HttpResponse<String> send(Seed seed) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + seed.path()))
                .header("Content-Type", "application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (seed.user() + ":" + seed.user()).getBytes(StandardCharsets.UTF_8)))
                .method(seed.method(), HttpRequest.BodyPublishers.ofString(seed.body(), StandardCharsets.UTF_8))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String grant(String facilityId) {
        return """
                {"facilityId": "%s",
                 "beneficiary": {"nationalId": "0499370899", "name": "مریم احمدی", "gender": "FEMALE",
                                 "disabled": false, "rural": true, "mobile": "09121234567"},
                 "programme": "HOME_BUSINESS", "bank": "bank-melli", "agency": "relief-committee", "county": "tabriz",
                 "amountRials": 3000000000, "committedJobs": 2, "grantedOn": "2025-05-01",
                 "workplace": {"address": "Tabriz", "latitude": 38.07, "longitude": 46.29},
                 "branch": "bank-melli-tabriz-1", "fundingSource": "note-16-1404"}
                """.formatted(facilityId);
    }
}
