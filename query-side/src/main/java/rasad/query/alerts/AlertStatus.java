package rasad.query.alerts;

/**
 * Where an episode stands. While open, the latest triage step names it (acknowledged, assigned, escalated);
 * an episode closes once, either because its condition ended (CLEARED) or because a manager concluded
 * (RESOLVED), and a later clearing does not reopen or rename a resolved one.
 */
enum AlertStatus {
    OPEN,
    ACKNOWLEDGED,
    ASSIGNED,
    ESCALATED,
    CLEARED,
    RESOLVED;

    boolean closed() {
        return this == CLEARED || this == RESOLVED;
    }
}
