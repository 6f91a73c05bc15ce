package rasad.kernel.alerts;

/** A manager's conclusion: the loan was diverted (its recall decision starts), or the alert was a false alarm. */
public enum AlertResolution {
    DIVERSION_CONFIRMED,
    FALSE_ALARM
}
