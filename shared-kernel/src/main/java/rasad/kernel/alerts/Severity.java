package rasad.kernel.alerts;

/** How urgently an alert needs a person, lowest first. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
