package rasad.command.evidence;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import rasad.kernel.validation.InvalidValueException;

@RestController
class EvidenceController {

    private final EvidenceStore store;

    EvidenceController(EvidenceStore store) {
        this.store = store;
    }

    @PostMapping(path = "/api/evidence", consumes = "multipart/form-data")
    @PreAuthorize("hasAnyRole('INSPECTOR', 'ADMIN')")
    @Operation(summary = "Store a photo or document as evidence; answers its SHA-256, which events then reference")
    ResponseEntity<Map<String, Object>> upload(@RequestParam("file") MultipartFile file, Authentication user)
            throws IOException {
        if (file.isEmpty()) {
            throw new InvalidValueException("EVIDENCE_EMPTY", "the file is empty");
        }
        String sha256 = store.store(file.getBytes(), file.getContentType(), user.getName());
        return ResponseEntity.status(201).body(Map.of("sha256", sha256, "bytes", file.getSize()));
    }
}
