package rasad.command.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import rasad.command.CommandApiTest;
import rasad.kernel.audit.AuditMetaData;
import rasad.kernel.staff.StaffPasswordSet;

/**
 * An admin sets a member's password over HTTP: Rasad keeps its bcrypt hash in an event with the reason, never the
 * password; the same password again records nothing; a weak one is refused with the rule it breaks.
 */
class StaffPasswordOverHttpTest extends CommandApiTest {

    private static final String CLERK = """
            {"displayName": "Zahra Clerk", "role": "agency-clerk", "agency": "relief-committee"}""";

    @Test
    void the_event_keeps_the_hash_and_the_reason_and_a_retry_records_nothing() throws Exception {
        // given
        assertThat(put("admin", "/api/staff/clerk-zahra", CLERK).statusCode()).isEqualTo(200);
        String body = """
                {"password": "tabriz-spring-1404", "reason": "joined the relief committee's office"}""";

        // when
        HttpResponse<String> set = put("admin", "/api/staff/clerk-zahra/password", body);
        HttpResponse<String> retried = put("admin", "/api/staff/clerk-zahra/password", body);

        // then
        assertThat(set.statusCode()).as(set.body()).isEqualTo(204);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(204);
        var passwords = eventsOf("staff/clerk-zahra").stream()
                .filter(event -> event.getPayload() instanceof StaffPasswordSet)
                .toList();
        assertThat(passwords).hasSize(1);
        StaffPasswordSet event = (StaffPasswordSet) passwords.get(0).getPayload();
        assertThat(event.passwordHash().value()).startsWith("{bcrypt}$2").doesNotContain("tabriz-spring");
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder()
                        .matches("tabriz-spring-1404", event.passwordHash().value()))
                .isTrue();
        assertThat(passwords.get(0).getMetaData())
                .containsEntry(AuditMetaData.ACTOR, "admin")
                .containsEntry(AuditMetaData.REASON, "joined the relief committee's office");
        assertThat(event.toString()).doesNotContain("$2");
    }

    @Test
    void a_weak_password_a_missing_reason_or_someone_not_on_the_register_is_refused_and_nothing_is_recorded()
            throws Exception {
        assertThat(put("admin", "/api/staff/clerk-weak", CLERK).statusCode()).isEqualTo(200);

        HttpResponse<String> tooShort =
                put("admin", "/api/staff/clerk-weak/password", "{\"password\": \"short\", \"reason\": \"new\"}");
        HttpResponse<String> tooLong = put(
                "admin",
                "/api/staff/clerk-weak/password",
                "{\"password\": \"" + "گذرواژه".repeat(6) + "\", \"reason\": \"new\"}");
        HttpResponse<String> ownName = put(
                "admin",
                "/api/staff/clerk-weak/password",
                "{\"password\": \"my-name-is-CLERK-WEAK\", \"reason\": \"new\"}");
        HttpResponse<String> noReason =
                put("admin", "/api/staff/clerk-weak/password", "{\"password\": \"a-good-long-password\"}");
        HttpResponse<String> stranger = put(
                "admin",
                "/api/staff/nobody-registered/password",
                "{\"password\": \"a-good-long-password\", \"reason\": \"new\"}");
        HttpResponse<String> notAnAdmin = put(
                "manager",
                "/api/staff/clerk-weak/password",
                "{\"password\": \"a-good-long-password\", \"reason\": \"new\"}");

        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("\"password\"").contains("PASSWORD_TOO_SHORT");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("PASSWORD_TOO_LONG");
        assertThat(ownName.statusCode()).isEqualTo(400);
        assertThat(ownName.body()).contains("PASSWORD_CONTAINS_NAME");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"reason\"");
        assertThat(stranger.statusCode()).as(stranger.body()).isEqualTo(404);
        assertThat(notAnAdmin.statusCode()).isEqualTo(403);
        assertThat(eventsOf("staff/clerk-weak")).noneMatch(event -> event.getPayload() instanceof StaffPasswordSet);
        assertThat(eventsOf("staff/nobody-registered")).isEmpty();
    }
}
