package rasad.edge.limits;

import java.time.Duration;
import java.util.Optional;

/**
 * Failed sign-ins, counted per account and per address: past the allowance the account, or the address, may
 * not try again until the window ends — with the right password neither — so that passwords cannot be guessed
 * at speed. A successful sign-in clears the account's count. A name nobody has is counted like any other, so a
 * lockout tells nobody which accounts exist.
 */
public class SignInLockout {

    private final Buckets accounts;
    private final Buckets addresses;
    private final LimitsProperties limits;

    public SignInLockout(LimitsProperties limits) {
        this.limits = limits;
        this.accounts = Buckets.refilledAtTheEndOf(limits.failedSignInsPerAccount());
        this.addresses = Buckets.refilledAtTheEndOf(limits.failedSignInsPerAddress());
    }

    public void failed(String account, String address) {
        if (account != null) {
            accounts.of(account).tryConsume(1);
        }
        if (address != null) {
            addresses.of(address).tryConsume(1);
        }
    }

    public void succeeded(String account) {
        accounts.forget(account);
    }

    /** How long the account stays locked, if it is. */
    public Optional<Duration> accountLocked(String account) {
        return accounts.waitFor(account);
    }

    /** How long this address may not sign anyone in, if so. */
    public Optional<Duration> addressLocked(String address) {
        return addresses.waitFor(address);
    }

    public String accountRule() {
        return "locked after " + limits.failedSignInsPerAccount().count() + " failed sign-ins within "
                + minutes(limits.failedSignInsPerAccount().per());
    }

    public String addressRule() {
        return "this address is locked out after "
                + limits.failedSignInsPerAddress().count() + " failed sign-ins within "
                + minutes(limits.failedSignInsPerAddress().per());
    }

    public static String minutes(Duration duration) {
        long minutes = Math.max(1, (duration.toSeconds() + 59) / 60);
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
