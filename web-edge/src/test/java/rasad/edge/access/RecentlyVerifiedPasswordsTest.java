package rasad.edge.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class RecentlyVerifiedPasswordsTest {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final PasswordEncoder counted = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            bcryptChecks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private final RecentlyVerifiedPasswords passwords = new RecentlyVerifiedPasswords(counted);

    @Test
    void a_password_that_matched_is_not_checked_again_for_a_while() {
        String hash = bcrypt.encode("manager");

        assertThat(passwords.matches("manager", hash)).isTrue();
        assertThat(passwords.matches("manager", hash)).isTrue();

        assertThat(bcryptChecks).hasValue(1);
    }

    @Test
    void a_wrong_password_is_checked_every_time_and_never_matches() {
        String hash = bcrypt.encode("manager");
        passwords.matches("manager", hash);

        assertThat(passwords.matches("guess", hash)).isFalse();
        assertThat(passwords.matches("guess", hash)).isFalse();
        assertThat(passwords.matches("manager", bcrypt.encode("changed")))
                .as("another hash")
                .isFalse();

        assertThat(bcryptChecks).hasValue(4);
    }
}
