package rasad.kernel.verification;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import rasad.kernel.validation.InvalidValueException;

/** How a photo or document in the evidence store is referenced: by its SHA-256, as 64 lowercase hex digits. */
public final class EvidenceReference {

    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    private EvidenceReference() {}

    /** @param what "a photo", "evidence": what the message calls the reference */
    public static String check(String reference, String what) {
        if (reference == null || !SHA_256.matcher(reference).matches()) {
            throw new InvalidValueException(
                    "EVIDENCE_REFERENCE_FORMAT", what + " is referenced by its SHA-256, 64 lowercase hex digits");
        }
        return reference;
    }

    /** The reference of these bytes: what the store files them under, and what reading them back must match. */
    public static String of(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
