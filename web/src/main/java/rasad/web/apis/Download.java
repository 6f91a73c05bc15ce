package rasad.web.apis;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A file the pages hand over (an export, a dossier, a meeting pack): saved under its name, never shown inline. */
public final class Download {

    private Download() {}

    public static ResponseEntity<byte[]> of(byte[] content, MediaType type, String fileName) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString())
                .body(content);
    }
}
