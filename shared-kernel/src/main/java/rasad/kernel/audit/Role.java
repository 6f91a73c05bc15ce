package rasad.kernel.audit;

import java.util.Arrays;

/**
 * The roles people act in. Unlike programmes or banks these are fixed by how Rasad works, not by the
 * budget law, so they are an enum.
 */
public enum Role {
    INSPECTOR("inspector"),
    AGENCY_CLERK("agency-clerk"),
    BANK_OFFICER("bank-officer"),
    MANAGER("manager"),
    AUDITOR("auditor"),
    ADMIN("admin"),
    /** Operators' scrapers and probes: metrics and health details, and nothing of the cases. */
    MONITORING("monitoring");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Role fromCode(String code) {
        return Arrays.stream(values())
                .filter(role -> role.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role " + code));
    }
}
