package rasad.query.staff;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import rasad.edge.access.RasadUser;

/**
 * The signed-in reader's scope, from their role and organisation and, for an inspector, the staff register (an
 * inspector not on it reads as one of the whole province, as configured inspectors without a county do).
 */
@Component
public class ReaderScopes {

    private final StaffReadModel staff;

    ReaderScopes(StaffReadModel staff) {
        this.staff = staff;
    }

    public ReaderScope current() {
        if (!(SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof RasadUser user)) {
            return ReaderScope.PROVINCE;
        }
        return switch (user.role()) {
            case BANK_OFFICER -> new ReaderScope(organisation(user, "a bank"), null, null);
            case AGENCY_CLERK -> new ReaderScope(null, organisation(user, "an agency"), null);
            case INSPECTOR ->
                new ReaderScope(
                        null,
                        null,
                        staff.find(user.getUsername()).map(StaffView::county).orElse(null));
            default -> ReaderScope.PROVINCE;
        };
    }

    /** Without one, a bank officer or agency clerk would read the whole province: refused instead. */
    private static String organisation(RasadUser user, String which) {
        if (user.onBehalfOf() == null || user.onBehalfOf().isBlank()) {
            throw new AccessDeniedException(user.getUsername() + " acts for no organisation; a "
                    + user.role().code() + " reads for " + which);
        }
        return user.onBehalfOf();
    }
}
