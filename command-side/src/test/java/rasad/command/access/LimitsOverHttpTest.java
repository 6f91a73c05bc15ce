package rasad.command.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.TestPropertySource;
import rasad.command.CommandApiTest;

/**
 * Given small allowances, when someone guesses passwords or a user writes without pause, then the account, and
 * then the address, is locked out — the right password included — and the writer is asked to wait: 429 in
 * problem details with Retry-After, and nothing recorded.
 */
@TestPropertySource(
        properties = {
            "rasad.limits.failed-sign-ins-per-account.count=3",
            "rasad.limits.failed-sign-ins-per-account.per=PT1H",
            "rasad.limits.failed-sign-ins-per-address.count=6",
            "rasad.limits.failed-sign-ins-per-address.per=PT1H",
            "rasad.limits.writes-per-user.count=5",
            "rasad.limits.writes-per-user.per=PT1H"
        })
// the lockout walk ends with the test's own address locked out for an hour, so it comes last
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LimitsOverHttpTest extends CommandApiTest {

    @Test
    @Order(2)
    void a_password_guesser_locks_the_account_and_then_the_address_out() throws Exception {
        // given three wrong passwords for the auditor
        for (int guess = 1; guess <= 3; guess++) {
            assertThat(read("auditor", "guess-" + guess).statusCode()).isEqualTo(401);
        }

        // when the auditor then signs in with the right password
        HttpResponse<String> locked = read("auditor", "auditor");

        // then the account is locked, and another account from the same address is not
        assertThat(locked.statusCode()).as(locked.body()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(locked.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L));
        assertThat(locked.body())
                .contains("urn:rasad:problem:too-many-requests")
                .contains("auditor is locked after 3 failed sign-ins within 60 minutes");
        assertThat(read("manager", "manager").statusCode()).isEqualTo(200);

        // when three more wrong passwords come from the address, for another name, one nobody has included
        assertThat(read("inspector", "guess").statusCode()).isEqualTo(401);
        assertThat(read("inspector", "guess-again").statusCode()).isEqualTo(401);
        assertThat(read("nobody-at-all", "guess").statusCode()).isEqualTo(401);

        // then nobody signs in from it, with a right password neither
        HttpResponse<String> addressLocked = read("manager", "manager");
        assertThat(addressLocked.statusCode()).as(addressLocked.body()).isEqualTo(429);
        assertThat(addressLocked.body()).contains("this address is locked out after 6 failed sign-ins");
    }

    @Test
    @Order(1)
    void a_user_past_the_write_allowance_waits_and_nothing_of_the_refused_write_is_recorded() throws Exception {
        // given five writes by the bank officer (refused as incomplete, but writes all the same)
        for (int write = 1; write <= 5; write++) {
            assertThat(post("bank-officer", "/api/facilities", "{}").statusCode())
                    .isEqualTo(400);
        }

        // when a sixth, complete one comes
        HttpResponse<String> sixth = post("bank-officer", "/api/facilities", """
                {"facilityId": "limit-1", "beneficiary": {"nationalId": "0499370899", "name": "Reza Azari"},
                 "programme": "HOME_BUSINESS", "bank": "bank-melli", "agency": "relief-committee", "county": "tabriz",
                 "amountRials": 3000000000, "committedJobs": 1, "grantedOn": "2025-03-25"}""");

        // then it waits, and others still write
        assertThat(sixth.statusCode()).as(sixth.body()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
        assertThat(sixth.body()).contains("bank-officer made more than 5 per PT1H writes");
        assertThat(eventsOf("limit-1")).isEmpty();
        assertThat(post("agency-clerk", "/api/facilities", "{}").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> read(String user, String password) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/alert-rules"))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
