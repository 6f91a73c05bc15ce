package rasad.edge.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much one account, user or address may do ({@code rasad.limits.*}): failed sign-ins before an account or
 * an address is locked out, and writes before a user or an address is asked to wait. Generous for people and
 * for the demo loader; a runaway script or a password guesser meets them.
 */
@ConfigurationProperties("rasad.limits")
public record LimitsProperties(
        Allowance failedSignInsPerAccount,
        Allowance failedSignInsPerAddress,
        Allowance writesPerUser,
        Allowance writesPerAddress) {

    /** So many within so long. */
    public record Allowance(int count, Duration per) {

        public Allowance {
            if (count < 1 || per == null || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("an allowance is a positive count within a positive duration");
            }
        }

        @Override
        public String toString() {
            return count + " per " + per;
        }
    }

    public LimitsProperties {
        failedSignInsPerAccount = orElse(failedSignInsPerAccount, 5, Duration.ofMinutes(15));
        failedSignInsPerAddress = orElse(failedSignInsPerAddress, 50, Duration.ofMinutes(15));
        writesPerUser = orElse(writesPerUser, 1000, Duration.ofSeconds(10));
        writesPerAddress = orElse(writesPerAddress, 2000, Duration.ofSeconds(10));
    }

    private static Allowance orElse(Allowance configured, int count, Duration per) {
        return configured == null ? new Allowance(count, per) : configured;
    }
}
