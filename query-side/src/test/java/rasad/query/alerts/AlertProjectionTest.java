package rasad.query.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rasad.eventstore.embedded.EmbeddedMongoServer;
import rasad.eventstore.embedded.EmbeddedMongoSettings;
import rasad.kernel.alerts.AlertAcknowledged;
import rasad.kernel.alerts.AlertAssigned;
import rasad.kernel.alerts.AlertCleared;
import rasad.kernel.alerts.AlertEscalated;
import rasad.kernel.alerts.AlertNoted;
import rasad.kernel.alerts.AlertRaised;
import rasad.kernel.alerts.AlertResolution;
import rasad.kernel.alerts.AlertResolved;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.alerts.AlertSubject;
import rasad.kernel.alerts.Evidence;
import rasad.kernel.alerts.Severity;
import rasad.kernel.audit.AuditMetaData;
import rasad.query.processing.ReadModelCollections;

/** Given alert events, when the projection handles them (through the real driver), then the episodes. */
class AlertProjectionTest {

    private static final String ALERT = "r3.f-0001.j-0002";
    private static final Instant MONDAY = Instant.parse("2025-12-15T06:00:00Z");

    private EmbeddedMongoServer server;
    private MongoClient client;
    private AlertReadModel readModel;
    private AlertProjection projection;
    private final List<EventMessage<?>> delivered = new ArrayList<>();

    @BeforeEach
    void startDatabase() {
        server = EmbeddedMongoServer.start(
                new EmbeddedMongoSettings(0, Path.of("unused"), EmbeddedMongoSettings.Backend.MEMORY));
        client = MongoClients.create(server.connectionString());
        readModel = new AlertReadModel(new ReadModelCollections(client.getDatabase("rasad"), Clock.systemUTC()));
        projection = new AlertProjection(readModel);
    }

    @AfterEach
    void stopDatabase() {
        client.close();
        server.close();
    }

    @Test
    void a_raised_alert_is_an_open_episode_with_its_subject_explanation_and_evidence() {
        given(raised(1), MONDAY, "rasad-monitoring", "system", "rule R3");

        AlertEpisode episode = only(episodes());
        assertThat(episode.status()).isEqualTo("OPEN");
        assertThat(episode.closed()).isFalse();
        assertThat(episode.rule()).isEqualTo("R3");
        assertThat(episode.detects()).isEqualTo(AlertRule.R3.detects());
        assertThat(episode.severity()).isEqualTo("HIGH");
        assertThat(episode.subject())
                .isEqualTo(new AlertEpisode.Subject(
                        "f-0001",
                        "bank-melli",
                        "tabriz",
                        "relief-committee",
                        "HOME_BUSINESS",
                        "job j-0002 of facility f-0001"));
        assertThat(episode.explanation()).isEqualTo("the SMS check was denied");
        assertThat(episode.raisedAt()).isEqualTo(MONDAY);
        assertThat(episode.evidence())
                .containsExactly(new Evidence(
                        "event-sms", "SmsCheckRecorded", Instant.parse("2025-12-14T10:00:00Z"), "SMS check DENIED"));
        assertThat(episode.history()).singleElement().satisfies(step -> {
            assertThat(step.step()).isEqualTo("RAISED");
            assertThat(step.actor()).isEqualTo("rasad-monitoring");
            assertThat(step.actorRole()).isEqualTo("system");
            assertThat(step.onBehalfOf()).isEqualTo("rule R3");
            assertThat(step.at()).isEqualTo(MONDAY);
        });
    }

    @Test
    void each_triage_step_names_the_status_and_is_recorded_with_who_in_which_role_for_whom_and_when() {
        given(raised(1), MONDAY, "rasad-monitoring", "system", "rule R3");

        given(
                new AlertAcknowledged(ALERT, 1, "looking into it"),
                MONDAY.plusSeconds(3600),
                "manager",
                "manager",
                "employment-committee");
        assertThat(only(episodes()).status()).isEqualTo("ACKNOWLEDGED");

        given(
                new AlertAssigned(ALERT, 1, "f-0001", "inspector-a", LocalDate.of(2025, 12, 30), "visit the shop"),
                MONDAY.plusSeconds(7200),
                "manager",
                "manager",
                "employment-committee");
        AlertEpisode assigned = only(episodes());
        assertThat(assigned.status()).isEqualTo("ASSIGNED");
        assertThat(assigned.inspector()).isEqualTo("inspector-a");
        assertThat(assigned.visitDueOn()).isEqualTo(LocalDate.of(2025, 12, 30));

        given(
                new AlertNoted(ALERT, 1, "n-1", "the shop was shut on Tuesday"),
                MONDAY.plusSeconds(9000),
                "inspector-a",
                "inspector",
                "east-azerbaijan-field-inspection");
        assertThat(only(episodes()).status()).as("a note changes no status").isEqualTo("ASSIGNED");

        given(
                new AlertEscalated(ALERT, 1, "committee", "the bank does not answer"),
                MONDAY.plusSeconds(10800),
                "manager",
                "manager",
                "employment-committee");
        AlertEpisode escalated = only(episodes());
        assertThat(escalated.status()).isEqualTo("ESCALATED");
        assertThat(escalated.escalatedTo()).isEqualTo("committee");
        assertThat(escalated.inspector()).as("still assigned").isEqualTo("inspector-a");
        assertThat(escalated.closed()).isFalse();
        assertThat(escalated.history())
                .extracting(AlertEpisode.Step::step)
                .containsExactly("RAISED", "ACKNOWLEDGED", "ASSIGNED", "NOTED", "ESCALATED");
        AlertEpisode.Step note = escalated.history().get(3);
        assertThat(note.actor()).isEqualTo("inspector-a");
        assertThat(note.actorRole()).isEqualTo("inspector");
        assertThat(note.onBehalfOf()).isEqualTo("east-azerbaijan-field-inspection");
        assertThat(note.note()).isEqualTo("the shop was shut on Tuesday");
        assertThat(note.at()).isEqualTo(MONDAY.plusSeconds(9000));
        assertThat(escalated.history().get(2).inspector()).isEqualTo("inspector-a");
        assertThat(escalated.history().get(4).note()).isEqualTo("the bank does not answer");
    }

    @Test
    void when_the_condition_ends_the_episode_is_cleared_with_the_evidence_of_its_end() {
        given(raised(1), MONDAY, "rasad-monitoring", "system", "rule R3");

        given(
                new AlertCleared(
                        ALERT,
                        1,
                        "a later SMS check confirmed the job",
                        List.of(new Evidence(
                                "event-sms-2", "SmsCheckRecorded", MONDAY.plusSeconds(86_400), "SMS check CONFIRMED"))),
                MONDAY.plusSeconds(90_000),
                "rasad-monitoring",
                "system",
                "rule R3");

        AlertEpisode cleared = only(episodes());
        assertThat(cleared.status()).isEqualTo("CLEARED");
        assertThat(cleared.closedAs()).isEqualTo("CLEARED");
        assertThat(cleared.closedAt()).isEqualTo(MONDAY.plusSeconds(90_000));
        assertThat(cleared.history().get(1).evidence())
                .extracting(Evidence::eventId)
                .containsExactly("event-sms-2");
        assertThat(readModel.openOf("f-0001", MONDAY)).isEmpty();
    }

    @Test
    void a_managers_conclusion_resolves_the_episode_as_a_confirmed_diversion_or_a_false_alarm() {
        given(raised(1), MONDAY, "rasad-monitoring", "system", "rule R3");
        given(
                new AlertResolved(ALERT, 1, AlertResolution.DIVERSION_CONFIRMED, "f-0001", "the money bought a car"),
                MONDAY.plusSeconds(3 * 86_400),
                "manager",
                "manager",
                "employment-committee");

        AlertEpisode resolved = only(episodes());
        assertThat(resolved.status()).isEqualTo("RESOLVED");
        assertThat(resolved.closedAs()).isEqualTo("DIVERSION_CONFIRMED");
        assertThat(resolved.closedAt()).isEqualTo(MONDAY.plusSeconds(3 * 86_400));
        assertThat(resolved.ageDays()).isEqualTo(3);
        assertThat(resolved.history().get(1).resolution()).isEqualTo("DIVERSION_CONFIRMED");
        assertThat(resolved.history().get(1).note()).isEqualTo("the money bought a car");
    }

    @Test
    void an_alert_cleared_after_it_was_resolved_stays_resolved_and_the_clearing_is_on_its_record() {
        given(raised(1), MONDAY, "rasad-monitoring", "system", "rule R3");
        given(
                new AlertResolved(ALERT, 1, AlertResolution.FALSE_ALARM, "f-0001", "the beneficiary was abroad"),
                MONDAY.plusSeconds(86_400),
                "manager",
                "manager",
                "employment-committee");

        given(
                new AlertCleared(ALERT, 1, "a later SMS check confirmed the job", List.of()),
                MONDAY.plusSeconds(172_800),
                "rasad-monitoring",
                "system",
                "rule R3");

        AlertEpisode episode = only(episodes());
        assertThat(episode.status()).isEqualTo("RESOLVED");
        assertThat(episode.closedAs()).isEqualTo("FALSE_ALARM");
        assertThat(episode.closedAt()).isEqualTo(MONDAY.plusSeconds(86_400));
        assertThat(episode.history())
                .extracting(AlertEpisode.Step::step)
                .containsExactly("RAISED", "RESOLVED", "CLEARED");
    }

    @Test
    void raised_again_after_it_cleared_the_alert_has_a_second_episode_and_the_first_is_left_as_it_was() {
        given(raised(1), MONDAY, "rasad-monitoring", "system", "rule R3");
        given(
                new AlertAcknowledged(ALERT, 1, null),
                MONDAY.plusSeconds(60),
                "manager",
                "manager",
                "employment-committee");
        given(
                new AlertCleared(ALERT, 1, "confirmed", List.of()),
                MONDAY.plusSeconds(86_400),
                "rasad-monitoring",
                "system",
                "rule R3");
        AlertEpisode first = only(episodes());

        given(raised(2), MONDAY.plusSeconds(10 * 86_400), "rasad-monitoring", "system", "rule R3");

        List<AlertEpisode> episodes = episodes();
        assertThat(episodes).extracting(AlertEpisode::episode).containsExactly(1, 2);
        assertThat(episodes.get(0)).isEqualTo(first);
        assertThat(episodes.get(1).status()).isEqualTo("OPEN");
        assertThat(episodes.get(1).raisedAt()).isEqualTo(MONDAY.plusSeconds(10 * 86_400));
        assertThat(episodes.get(1).history())
                .extracting(AlertEpisode.Step::step)
                .containsExactly("RAISED");
        assertThat(readModel.openOf("f-0001", MONDAY))
                .extracting(AlertEpisode::episode)
                .containsExactly(2);
    }

    @Test
    void every_event_delivered_twice_as_a_replay_does_changes_nothing() {
        given(raised(1), MONDAY, "rasad-monitoring", "system", "rule R3");
        given(
                new AlertAcknowledged(ALERT, 1, null),
                MONDAY.plusSeconds(60),
                "manager",
                "manager",
                "employment-committee");
        given(
                new AlertAssigned(ALERT, 1, "f-0001", "inspector-a", LocalDate.of(2025, 12, 30), null),
                MONDAY.plusSeconds(120),
                "manager",
                "manager",
                "employment-committee");
        given(
                new AlertNoted(ALERT, 1, "n-1", "called the bank"),
                MONDAY.plusSeconds(180),
                "manager",
                "manager",
                "employment-committee");
        given(
                new AlertEscalated(ALERT, 1, "committee", "no answer"),
                MONDAY.plusSeconds(240),
                "manager",
                "manager",
                "employment-committee");
        given(
                new AlertResolved(ALERT, 1, AlertResolution.FALSE_ALARM, "f-0001", "seen at work"),
                MONDAY.plusSeconds(300),
                "manager",
                "manager",
                "employment-committee");
        given(
                new AlertCleared(ALERT, 1, "confirmed", List.of()),
                MONDAY.plusSeconds(360),
                "rasad-monitoring",
                "system",
                "rule R3");
        List<Document> once = storedDocuments();

        new ArrayList<>(delivered).forEach(this::deliver);

        assertThat(storedDocuments()).isEqualTo(once);
        AlertEpisode episode = only(episodes());
        assertThat(episode.history()).hasSize(7);
        assertThat(episode.status()).isEqualTo("RESOLVED");
    }

    @Test
    void a_raise_delivered_again_after_triage_does_not_reopen_the_episode() {
        EventMessage<?> raise = message(raised(1), MONDAY, "rasad-monitoring", "system", "rule R3");
        deliver(raise);
        given(
                new AlertAssigned(ALERT, 1, "f-0001", "inspector-a", LocalDate.of(2025, 12, 30), null),
                MONDAY.plusSeconds(120),
                "manager",
                "manager",
                "employment-committee");

        deliver(raise);

        assertThat(only(episodes()).status()).isEqualTo("ASSIGNED");
        assertThat(only(episodes()).history()).hasSize(2);
    }

    private static AlertRaised raised(int episode) {
        return new AlertRaised(
                ALERT,
                episode,
                AlertRule.R3,
                Severity.HIGH,
                new AlertSubject(
                        "f-0001",
                        "bank-melli",
                        "tabriz",
                        "relief-committee",
                        "HOME_BUSINESS",
                        "job j-0002 of facility f-0001"),
                "the SMS check was denied",
                List.of(new Evidence(
                        "event-sms", "SmsCheckRecorded", Instant.parse("2025-12-14T10:00:00Z"), "SMS check DENIED")));
    }

    private void given(Object event, Instant at, String actor, String role, String onBehalfOf) {
        EventMessage<?> message = message(event, at, actor, role, onBehalfOf);
        delivered.add(message);
        deliver(message);
    }

    private EventMessage<?> message(Object event, Instant at, String actor, String role, String onBehalfOf) {
        return new GenericDomainEventMessage<>(
                "Alert",
                ALERT,
                delivered.size(),
                event,
                Map.of(
                        AuditMetaData.ACTOR,
                        actor,
                        AuditMetaData.ACTOR_ROLE,
                        role,
                        AuditMetaData.ON_BEHALF_OF,
                        onBehalfOf),
                "event-" + delivered.size() + "-" + event.getClass().getSimpleName(),
                at);
    }

    private void deliver(EventMessage<?> message) {
        Object payload = message.getPayload();
        if (payload instanceof AlertRaised event) {
            projection.on(event, message);
        } else if (payload instanceof AlertAcknowledged event) {
            projection.on(event, message);
        } else if (payload instanceof AlertAssigned event) {
            projection.on(event, message);
        } else if (payload instanceof AlertNoted event) {
            projection.on(event, message);
        } else if (payload instanceof AlertEscalated event) {
            projection.on(event, message);
        } else if (payload instanceof AlertResolved event) {
            projection.on(event, message);
        } else if (payload instanceof AlertCleared event) {
            projection.on(event, message);
        } else {
            throw new IllegalArgumentException("no handler in this test for " + payload);
        }
    }

    private List<AlertEpisode> episodes() {
        return readModel.episodesOf(ALERT, MONDAY.plusSeconds(30 * 86_400));
    }

    private List<Document> storedDocuments() {
        return client.getDatabase("rasad")
                .getCollection(AlertReadModel.COLLECTION)
                .find()
                .sort(new Document("_id", 1))
                .into(new ArrayList<>());
    }

    private static AlertEpisode only(List<AlertEpisode> episodes) {
        assertThat(episodes).hasSize(1);
        return episodes.get(0);
    }
}
