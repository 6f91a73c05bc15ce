package rasad.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import rasad.edge.problem.InvalidParameterException;
import rasad.edge.problem.NotFoundException;
import rasad.eventstore.integrity.EventStoreVerifier;
import rasad.kernel.validation.RuleViolation;

/**
 * The whole store re-checked against its hashes, Merkle roots and block chain, in the background. Starting one
 * changes no record: it is a long read whose progress and result are kept so that the auditor can come back.
 */
@RestController
@PreAuthorize("hasAnyRole('AUDITOR', 'MANAGER', 'ADMIN')")
@Tag(name = "Audit")
class StoreVerificationController {

    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    private final StoreVerifications verifications;
    private final EventStoreVerifier verifier;

    StoreVerificationController(StoreVerifications verifications, EventStoreVerifier verifier) {
        this.verifications = verifications;
        this.verifier = verifier;
    }

    /** Optionally, a digest noted down earlier to compare with the one recomputed now. */
    record VerificationRequest(Long notedBlock, String notedDigest) {}

    record Started(String verificationId, URI progress) {}

    @PostMapping("/api/audit/verifications")
    @Operation(
            summary = "Verify the whole store in the background",
            description = "202 with the verification's id; GET it for progress and, when done, the first broken "
                    + "link or the digest to note down. notedBlock + notedDigest: a digest noted earlier, compared "
                    + "with the one recomputed from the events.")
    ResponseEntity<Started> start(@RequestBody(required = false) VerificationRequest request, Authentication user) {
        StoreVerifications.NotedDigest noted = noted(request);
        String id = verifications
                .start(user.getName(), noted)
                .orElseThrow(() -> new RuleViolation(
                        "VERIFICATION_RUNNING",
                        "a verification is already running on this instance; follow it, or retry later"));
        URI progress = URI.create("/api/audit/verifications/" + id);
        return ResponseEntity.accepted().location(progress).body(new Started(id, progress));
    }

    @GetMapping("/api/audit/verifications/{id}")
    @Operation(summary = "A verification's progress, and its result once done")
    Document progress(@PathVariable String id) {
        return verifications.find(id).orElseThrow(() -> new NotFoundException("no verification " + id));
    }

    @GetMapping("/api/audit/digest")
    @Operation(summary = "The store's current digest: the last sealed block and its chained hash, to note down")
    EventStoreVerifier.SealedHead digest() {
        return verifier.sealedHead();
    }

    private static StoreVerifications.NotedDigest noted(VerificationRequest request) {
        if (request == null || (request.notedBlock() == null && request.notedDigest() == null)) {
            return null;
        }
        if (request.notedBlock() == null || request.notedBlock() < 1) {
            throw new InvalidParameterException(
                    "notedBlock", "BLOCK_REQUIRED", "a noted digest names its block, from 1");
        }
        if (request.notedDigest() == null
                || !DIGEST.matcher(request.notedDigest().strip()).matches()) {
            throw new InvalidParameterException("notedDigest", "DIGEST_FORMAT", "a digest is 64 lowercase hex digits");
        }
        return new StoreVerifications.NotedDigest(
                request.notedBlock(), request.notedDigest().strip());
    }
}
