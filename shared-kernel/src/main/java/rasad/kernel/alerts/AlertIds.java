package rasad.kernel.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import rasad.kernel.validation.InvalidValueException;

/**
 * An alert's id names its rule and its subject, so that one condition always lands on the same alert (and
 * is never raised twice while open): {@code r9.f-0001.j-0002}. Free text (an address) and personal data (a
 * mobile number) enter an id only as a short SHA-256, never in the clear.
 */
public final class AlertIds {

    public static final String PATTERN = "r([1-9]|1[01])(\\.[a-z0-9][a-z0-9-]{0,79}){1,5}";

    private AlertIds() {}

    public static String of(AlertRule rule, String... subjectParts) {
        StringBuilder id = new StringBuilder("r").append(rule.name().substring(1));
        for (String part : subjectParts) {
            // ids from other systems may hold capitals or dots: a digest keeps distinct ids distinct
            id.append('.').append(part.matches("[a-z0-9][a-z0-9-]{0,79}") ? part : digest(part));
        }
        return check(id.toString());
    }

    public static String check(String alertId) {
        InvalidValueException.requiredText(alertId, "alert id");
        if (!alertId.matches(PATTERN)) {
            throw new InvalidValueException(
                    "ALERT_ID_FORMAT",
                    "an alert id is a rule (r1 to r11) and its subject, "
                            + "dot-separated lowercase codes, such as r9.f-0001.j-0002");
        }
        return alertId;
    }

    /** A stable, non-reversible stand-in for free text or personal data in an id. */
    public static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
