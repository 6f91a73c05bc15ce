package rasad.kernel.staff;

import java.util.Iterator;
import java.util.Optional;
import rasad.kernel.audit.Role;
import rasad.kernel.people.PersonName;

/**
 * A member of staff as their own events leave them: what the command side checks work against and what the
 * identity provider signs them in as. One list for both, so that retiring someone takes away their work and
 * their sign-in together.
 */
public record StaffAccount(
        StaffId staffId,
        PersonName displayName,
        Role role,
        StaffScope scope,
        boolean retired,
        Optional<PasswordHash> password) {

    /** The member after their events, oldest first; empty when no event registered them. */
    public static Optional<StaffAccount> replay(Iterator<?> payloads) {
        StaffAccount account = null;
        while (payloads.hasNext()) {
            account = after(account, payloads.next());
        }
        return Optional.ofNullable(account);
    }

    private static StaffAccount after(StaffAccount account, Object event) {
        if (event instanceof StaffMemberRegistered registered) {
            return new StaffAccount(
                    registered.staffId(),
                    registered.displayName(),
                    registered.role(),
                    registered.scope(),
                    false,
                    Optional.empty());
        }
        if (account == null) {
            return null;
        }
        if (event instanceof StaffMemberChanged changed) {
            return new StaffAccount(
                    account.staffId,
                    changed.displayName(),
                    changed.role(),
                    changed.scope(),
                    account.retired,
                    account.password);
        }
        if (event instanceof StaffMemberRetired) {
            return new StaffAccount(
                    account.staffId, account.displayName, account.role, account.scope, true, account.password);
        }
        if (event instanceof StaffMemberReinstated) {
            return new StaffAccount(
                    account.staffId, account.displayName, account.role, account.scope, false, account.password);
        }
        if (event instanceof StaffPasswordSet set) {
            return new StaffAccount(
                    account.staffId,
                    account.displayName,
                    account.role,
                    account.scope,
                    account.retired,
                    Optional.of(set.passwordHash()));
        }
        return account;
    }
}
