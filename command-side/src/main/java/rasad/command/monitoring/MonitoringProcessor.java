package rasad.command.monitoring;

/**
 * The one tracking processor that feeds the rules. One segment, so that the rules over many facilities
 * (one person claimed twice, clusters, a bank's quota) see every event in order whichever command-side
 * instance holds it, and keep seeing them in order after a restart (its token is in MongoDB).
 */
final class MonitoringProcessor {

    static final String NAME = "alert-rules";

    private MonitoringProcessor() {}
}
