package rasad.eventstore.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bson.Document;

/**
 * The SHA-256 fingerprint of one stored event, chained to the previous event of its aggregate. It covers the
 * canonical text of everything an auditor relies on — identity, position in its stream, both times, type,
 * payload and metadata exactly as stored (metadata with sorted keys) — so changing any of it, or the link to
 * its predecessor, changes the hash.
 */
public final class EventHash {

    /** The "previous hash" of an aggregate's first event. */
    public static final String GENESIS = "0".repeat(64);

    private EventHash() {}

    /** Computes the hash of a stored event document (see {@code EventDocuments}). */
    public static String of(Document event, String previousHash) {
        String canonical = String.join(
                "\n",
                "rasad-event/1",
                nullToEmpty(event.getString("eventId")),
                nullToEmpty(event.getString("aggregateType")),
                nullToEmpty(event.getString("aggregateId")),
                String.valueOf(event.get("sequence", Number.class).longValue()),
                nullToEmpty(event.getString("timestamp")),
                nullToEmpty(event.getString("occurredAt")),
                nullToEmpty(event.getString("recordedAt")),
                nullToEmpty(event.getString("payloadType")),
                nullToEmpty(event.getString("payloadRevision")),
                nullToEmpty(event.getString("payload")),
                nullToEmpty(event.getString("metaData")),
                previousHash);
        return sha256(canonical);
    }

    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
