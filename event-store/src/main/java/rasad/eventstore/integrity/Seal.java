package rasad.eventstore.integrity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * One sealed block of positions: the leaf of every position in {@code from..to}, their Merkle root, chained to
 * the previous seal, signed. Written once (a unique insert) and never replaced.
 *
 * @param block     1, 2, 3, … in position order
 * @param leaves    one per position, kept so that a verifier names the exact position that changed
 * @param previous  the previous seal's {@code chained} ({@link EventHash#GENESIS} for block 1)
 * @param chained   {@code sha256(previous + merkleRoot)}: the digest an auditor notes down
 * @param keyId     the id of the Ed25519 key that signed it
 * @param signature base64 Ed25519 signature of {@link #signedText()}
 */
public record Seal(
        long block,
        long from,
        long to,
        List<String> leaves,
        String merkleRoot,
        String previous,
        String chained,
        String sealedAt,
        String keyId,
        String signature) {

    /** What the signature covers: the block's place, its root and the chain, so no seal can be moved or forged. */
    public String signedText() {
        return String.join(
                "\n",
                "rasad-seal/1",
                String.valueOf(block),
                String.valueOf(from),
                String.valueOf(to),
                merkleRoot,
                previous,
                chained,
                sealedAt,
                keyId);
    }

    /** Whether the signature verifies with the trusted key of its id (false for an unknown key). */
    public boolean signatureValid(Map<String, PublicKey> trusted) {
        PublicKey key = keyId == null ? null : trusted.get(keyId);
        if (key == null || signature == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(SealKeys.ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signedText().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException bad) {
            return false;
        }
    }

    Document toDocument() {
        return new Document("_id", block)
                .append("from", from)
                .append("to", to)
                .append("leaves", leaves)
                .append("merkleRoot", merkleRoot)
                .append("previous", previous)
                .append("chained", chained)
                .append("sealedAt", sealedAt)
                .append("keyId", keyId)
                .append("signature", signature);
    }

    /** A stored seal; a document that is not one (a field missing or of another type) is unreadable. */
    static Seal of(Document stored) {
        try {
            return new Seal(
                    ((Number) stored.get("_id")).longValue(),
                    stored.get("from", Number.class).longValue(),
                    stored.get("to", Number.class).longValue(),
                    stored.getList("leaves", String.class),
                    stored.getString("merkleRoot"),
                    stored.getString("previous"),
                    stored.getString("chained"),
                    stored.getString("sealedAt"),
                    stored.getString("keyId"),
                    stored.getString("signature"));
        } catch (ClassCastException | NullPointerException notASeal) {
            throw new UnreadableSeal(stored.get("_id"), notASeal);
        }
    }

    static final class UnreadableSeal extends RuntimeException {
        UnreadableSeal(Object id, Throwable cause) {
            super("the seal stored as " + id + " cannot be read", cause);
        }
    }
}
