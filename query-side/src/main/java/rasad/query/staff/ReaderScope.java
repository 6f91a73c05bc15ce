package rasad.query.staff;

import java.util.Objects;
import org.springframework.security.access.AccessDeniedException;

/**
 * The part of the province a reader's role lets them see: a bank officer their bank's cases, quotas and league
 * row; an agency clerk their agency's; an inspector their county (from the staff register; one without a
 * county, the whole province); managers, auditors and admins the whole province. Asking for another bank,
 * agency or county is refused rather than silently answered with nothing.
 */
public record ReaderScope(String bank, String agency, String county) {

    public static final ReaderScope PROVINCE = new ReaderScope(null, null, null);

    public boolean province() {
        return bank == null && agency == null && county == null;
    }

    /** Whether a case of this bank, agency and county is within the scope. */
    public boolean covers(String caseBank, String caseAgency, String caseCounty) {
        return (bank == null || bank.equals(caseBank))
                && (agency == null || agency.equals(caseAgency))
                && (county == null || county.equals(caseCounty));
    }

    /** A quota holder (a bank or an institution) within the scope. */
    public boolean coversHolder(String holderKind, String holder) {
        if (bank != null) {
            return "BANK".equals(holderKind) && bank.equals(holder);
        }
        if (agency != null) {
            return "AGENCY".equals(holderKind) && agency.equals(holder);
        }
        return true;
    }

    public String bankFilter(String asked) {
        return narrowed("bank", bank, asked);
    }

    public String agencyFilter(String asked) {
        return narrowed("agency", agency, asked);
    }

    public String countyFilter(String asked) {
        return narrowed("county", county, asked);
    }

    private static String narrowed(String what, String own, String asked) {
        if (own == null) {
            return asked;
        }
        if (asked != null && !Objects.equals(asked, own)) {
            throw new AccessDeniedException("you read the cases of your " + what + ", " + own + ", not of " + asked);
        }
        return own;
    }
}
