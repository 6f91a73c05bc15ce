package rasad.identity.accounts;

import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import rasad.kernel.audit.Role;
import rasad.kernel.staff.PasswordHash;
import rasad.kernel.staff.StaffAccount;
import rasad.kernel.staff.StaffScope;

/**
 * Who signs in at the login page, and what their tokens say about them: the staff register first — its role,
 * scope and name, the password an admin last set, and no sign-in at all once retired — then the people
 * configured to sign in (the demo users), for whom the register holds no password of its own.
 */
@Component
public class People implements UserDetailsService {

    private final Accounts accounts;
    private final StaffRegister register;
    private final boolean embeddedDatabase;

    People(Accounts accounts, StaffRegister register, @Value("${rasad.mongodb.uri:}") String mongodbUri) {
        this.accounts = accounts;
        this.register = register;
        this.embeddedDatabase = mongodbUri == null || mongodbUri.isBlank();
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        Accounts.Account account = find(name).orElseThrow(() -> new UsernameNotFoundException(name));
        return new User(
                account.name(),
                account.passwordHash(),
                List.of(new SimpleGrantedAuthority(
                        "ROLE_" + Role.fromCode(account.role()).name())));
    }

    /** The person as they may sign in now; empty when they may not (unknown, retired, or with no password). */
    public Optional<Accounts.Account> find(String name) {
        Optional<Accounts.Account> configured = accounts.named(name, embeddedDatabase);
        Optional<StaffAccount> registered = register.find(name);
        if (registered.isEmpty()) {
            return configured;
        }
        StaffAccount member = registered.get();
        if (member.retired()) {
            return Optional.empty();
        }
        Optional<String> password =
                member.password().map(PasswordHash::value).or(() -> configured.map(Accounts.Account::passwordHash));
        return password.map(hash -> asAccount(member, hash, configured));
    }

    public boolean demoUsersOn() {
        return accounts.demoUsersOn(embeddedDatabase);
    }

    private static Accounts.Account asAccount(
            StaffAccount member, String passwordHash, Optional<Accounts.Account> configured) {
        StaffScope scope = member.scope();
        String onBehalfOf = scope.bank() != null
                ? scope.bank().value()
                : scope.agency() != null
                        ? scope.agency().value()
                        : configured.map(Accounts.Account::onBehalfOf).orElse(null);
        return new Accounts.Account(
                member.staffId().name(),
                member.role().code(),
                passwordHash,
                onBehalfOf,
                scope.county() == null ? null : scope.county().value(),
                member.displayName().value());
    }
}
