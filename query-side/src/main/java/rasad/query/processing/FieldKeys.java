package rasad.query.processing;

/**
 * An identifier used as a field name in a read-model document (a case's visits keyed by visit id, a worklist's
 * visits by facility id): MongoDB reads a dot in a field name as a path, so dots are escaped, and the escape
 * character with them, reversibly.
 */
public final class FieldKeys {

    private FieldKeys() {}

    public static String escaped(String identifier) {
        return identifier.replace("%", "%25").replace(".", "%2E");
    }

    public static String unescaped(String key) {
        return key.replace("%2E", ".").replace("%25", "%");
    }
}
