package rasad.kernel.audit;

/**
 * The metadata keys every event carries, because auditors read them: who acted, in which role, on whose
 * behalf, why, under which client request, and when Rasad recorded it. Part of the event contract.
 */
public final class AuditMetaData {

    /** The authenticated user who issued the command. */
    public static final String ACTOR = "actor";
    /** The role the user acted in, one of {@link Role}. */
    public static final String ACTOR_ROLE = "actorRole";
    /** The organisation (bank, agency, committee) the user acted for. */
    public static final String ON_BEHALF_OF = "onBehalfOf";
    /** Why, in the user's words, when the client gave a reason. */
    public static final String REASON = "reason";
    /** The client's own request id: ties a retried request to its first attempt. */
    public static final String REQUEST_ID = "requestId";
    /** Axon's correlation id: every message caused by one request shares it. */
    public static final String CORRELATION_ID = "correlationId";
    /**
     * When it happened in the world, ISO-8601, when that differs from when Rasad recorded it: an inspector's
     * device time at the site, captured offline and sent later. Absent means "when recorded".
     */
    public static final String OCCURRED_AT = "occurredAt";
    /** When Rasad recorded the event, server time, ISO-8601. */
    public static final String RECORDED_AT = "recordedAt";
    /**
     * Set when a record is imported from an earlier system (the source's name): Rasad learns late of things
     * that happened long ago, which is no sign of anything, so rules about late reception skip it.
     */
    public static final String IMPORTED_FROM = "importedFrom";

    private AuditMetaData() {}
}
