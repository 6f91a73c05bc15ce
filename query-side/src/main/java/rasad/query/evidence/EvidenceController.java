package rasad.query.evidence;

import com.mongodb.MongoGridFSException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import io.swagger.v3.oas.annotations.Operation;
import java.io.ByteArrayOutputStream;
import java.util.Set;
import org.bson.BsonString;
import org.bson.Document;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import rasad.edge.problem.InvalidParameterException;
import rasad.edge.problem.NotFoundException;
import rasad.kernel.validation.RuleViolation;
import rasad.kernel.verification.EvidenceReference;
import rasad.query.privacy.PersonalData;

/**
 * A photo or document kept as evidence, for those allowed to see it: managers, auditors, and the inspector who
 * took it. Each reading is logged like one of personal data (a photo shows a person's home and work). The bytes
 * are checked against the SHA-256 they are stored under: an altered file is refused, never shown as evidence.
 */
@RestController
class EvidenceController {

    private static final Set<String> SHOWN_INLINE = Set.of("image/jpeg", "image/png", "image/webp");

    private final GridFSBucket bucket;
    private final PersonalData personalData;

    EvidenceController(MongoDatabase database, PersonalData personalData) {
        this.bucket = GridFSBuckets.create(database, "evidence");
        this.personalData = personalData;
    }

    @GetMapping("/api/evidence/{sha256}")
    @PreAuthorize("hasAnyRole('MANAGER', 'AUDITOR', 'INSPECTOR')")
    @Operation(
            summary = "A photo or document of a visit, by its SHA-256 (managers, auditors, the inspector who took it)",
            description = "The stored content type; images inline, anything else as an attachment. Each reading is "
                    + "recorded in the personal-data access log. 409 EVIDENCE_ALTERED if the bytes no longer match "
                    + "their hash.")
    ResponseEntity<byte[]> evidence(@PathVariable String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new InvalidParameterException(
                    "sha256", "EVIDENCE_REFERENCE_FORMAT", "a SHA-256 in 64 lowercase hex digits");
        }
        GridFSFile file = bucket.find(new Document("_id", sha256)).first();
        if (file == null) {
            throw new NotFoundException("no evidence " + sha256);
        }
        Document metadata = file.getMetadata() == null ? new Document() : file.getMetadata();
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        boolean inspector = user.getAuthorities().stream().anyMatch(a -> "ROLE_INSPECTOR".equals(a.getAuthority()));
        if (inspector && !user.getName().equals(metadata.getString("uploadedBy"))) {
            throw new AccessDeniedException("an inspector sees the evidence they recorded");
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        boolean readable = true;
        try {
            bucket.downloadToStream(new BsonString(sha256), content);
        } catch (MongoGridFSException brokenChunks) {
            readable = false; // chunks missing, or of another length than the file says: altered too
        }
        byte[] bytes = content.toByteArray();
        if (!readable || !sha256.equals(EvidenceReference.of(bytes))) {
            throw new RuleViolation(
                    "EVIDENCE_ALTERED", "the stored file no longer matches its SHA-256: it is not shown as evidence");
        }
        personalData.recordEvidenceReading(sha256);
        String type = metadata.getString("contentType");
        MediaType mediaType = type == null ? MediaType.APPLICATION_OCTET_STREAM : parsed(type);
        boolean inline = SHOWN_INLINE.contains(mediaType.getType() + "/" + mediaType.getSubtype());
        return ResponseEntity.status(HttpStatus.OK)
                .contentType(inline ? mediaType : MediaType.APPLICATION_OCTET_STREAM)
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        (inline ? "inline" : "attachment") + "; filename=\"" + sha256 + "\"")
                .header("X-Evidence-Sha256", sha256)
                .body(bytes);
    }

    private static MediaType parsed(String type) {
        try {
            return MediaType.parseMediaType(type);
        } catch (IllegalArgumentException unreadable) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
