package rasad.query.audit;

import com.mongodb.client.model.Filters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import rasad.eventstore.axon.AxonOnMongoAutoConfiguration.SealKeyLocation;
import rasad.eventstore.engine.EventStoreCollections;
import rasad.eventstore.integrity.EventStoreSealer;
import rasad.eventstore.integrity.FileWitness;
import rasad.eventstore.integrity.IntegrityFindings;
import rasad.eventstore.integrity.SealKeys;
import rasad.eventstore.integrity.WitnessComparison;

/**
 * What the seals rest on, for auditors: the public keys this instance trusts (and whether the copies published
 * in the database still match them), the store compared with the witness kept outside the database, the
 * witness itself to take away, and what the sealer refused to seal over.
 */
@RestController
@PreAuthorize("hasAnyRole('AUDITOR', 'MANAGER', 'ADMIN')")
@Tag(name = "Audit")
class SealIntegrityController {

    private static final int MAX_FINDINGS = 1000;

    private final EventStoreCollections store;
    private final SealKeyLocation location;
    private final FileWitness witness;
    private final IntegrityFindings findings;

    SealIntegrityController(
            EventStoreCollections store, SealKeyLocation location, FileWitness witness, IntegrityFindings findings) {
        this.store = store;
        this.location = location;
        this.witness = witness;
        this.findings = findings;
    }

    /**
     * @param fingerprint   SHA-256 of the key's encoding, to compare with the one the key holder gives
     * @param published     whether the database holds a copy of it
     * @param publishedSame whether that copy is this key (false: the database's copy was replaced)
     */
    record TrustedKey(String keyId, String publicKey, String fingerprint, boolean published, boolean publishedSame) {}

    /** A key published in the database that this instance does not trust. */
    record UntrustedKey(String keyId, String publicKey) {}

    record SealKeysView(List<TrustedKey> trusted, List<UntrustedKey> publishedNotTrusted) {}

    @GetMapping("/api/audit/seal-keys")
    @Operation(
            summary = "The public keys seals are verified with, and the copies published in the database",
            description = "Verification uses only the trusted keys, read from the trusted key directory; a "
                    + "published copy that differs is shown, never used.")
    SealKeysView sealKeys() {
        Map<String, PublicKey> trusted = SealKeys.publicKeysIn(location.trustedKeyDirectory());
        Map<String, String> published = new TreeMap<>();
        Document listed = store.checkpoints()
                .find(Filters.eq("_id", EventStoreSealer.PUBLISHED_KEYS))
                .first();
        if (listed != null && listed.get("keys") instanceof List<?> keys) {
            keys.stream()
                    .filter(Document.class::isInstance)
                    .map(Document.class::cast)
                    .forEach(key -> {
                        if (key.get("keyId") instanceof String id && key.get("publicKey") instanceof String encoded) {
                            published.put(id, encoded);
                        }
                    });
        }
        List<TrustedKey> keys = new ArrayList<>();
        trusted.forEach((id, key) -> keys.add(new TrustedKey(
                id,
                SealKeys.encoded(key),
                SealKeys.fingerprint(key),
                published.containsKey(id),
                SealKeys.encoded(key).equals(published.get(id)))));
        List<UntrustedKey> untrusted = new ArrayList<>();
        published.forEach((id, encoded) -> {
            if (!trusted.containsKey(id)) {
                untrusted.add(new UntrustedKey(id, encoded));
            }
        });
        return new SealKeysView(keys, untrusted);
    }

    @GetMapping("/api/audit/witness")
    @Operation(
            summary = "The store's seals compared with the witness kept outside the database",
            description = "Block by block: a seal removed from the store, one whose digest differs from the "
                    + "witnessed one, one never witnessed. At most the first 100 differences are listed.")
    WitnessComparison.Result compareWithWitness() {
        return WitnessComparison.compare(store, witness.entries());
    }

    @GetMapping(value = "/api/audit/witness/export", produces = "application/x-ndjson")
    @Operation(summary = "The witness file, byte for byte: one JSON line per seal")
    ResponseEntity<byte[]> exportWitness() {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("rasad-seal-witness.jsonl", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(witness.export());
    }

    record FindingsView(boolean any, List<Document> findings) {}

    @GetMapping("/api/audit/integrity-findings")
    @Operation(
            summary = "What the sealer found wrong before sealing, and refused to seal over",
            description = "Each with its kind, position, what was expected and found, when and by whom. Sealing "
                    + "stops at the first one until the store is repaired.")
    FindingsView integrityFindings() {
        List<Document> listed = findings.list(MAX_FINDINGS);
        return new FindingsView(!listed.isEmpty(), listed);
    }
}
