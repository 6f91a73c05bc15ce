package rasad.kernel.referencedata;

/**
 * The kinds of reference data. The entries — which programmes, funding sources, agencies, banks, branches and
 * counties exist — are data, added and retired without a release; only the kinds are fixed.
 */
public enum ReferenceKind {
    PROGRAMME("programme"),
    /** A funding source is tied to a fiscal year: the budget-law clause that funds loans changes yearly. */
    FUNDING_SOURCE("funding source"),
    AGENCY("agency"),
    BANK("bank"),
    /** A branch belongs to a bank. */
    BANK_BRANCH("bank branch"),
    COUNTY("county");

    private final String label;

    ReferenceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
