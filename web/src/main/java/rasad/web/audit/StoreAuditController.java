package rasad.web.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;
import rasad.web.apis.QueryApi;

/**
 * The auditor's proof that history was not rewritten: the store's digest to note down, a verification of the
 * whole store followed on a progress bar (with a digest noted earlier compared), and the personal-data access
 * log: who read whose national id or mobile, when, by which request.
 */
@Controller
class StoreAuditController {

    static final int LOG_PAGE = 50;

    private final QueryApi query;

    StoreAuditController(QueryApi query) {
        this.query = query;
    }

    @GetMapping("/audit")
    String audit(Model model) {
        model.addAttribute("digest", query.get("/api/audit/digest", Map.of()));
        return "audit";
    }

    @PostMapping("/audit/verifications")
    String verify(
            @RequestParam(required = false) String notedBlock, @RequestParam(required = false) String notedDigest) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (notedBlock != null && !notedBlock.isBlank()) {
            // a block that is no number is passed on as typed: the query side names the field it refuses
            body.put("notedBlock", notedBlock.strip().matches("\\d{1,18}") ? Long.parseLong(notedBlock.strip()) : -1);
        }
        if (notedDigest != null && !notedDigest.isBlank()) {
            body.put("notedDigest", notedDigest.strip());
        }
        JsonNode started = query.post("/api/audit/verifications", body);
        return "redirect:/audit/verifications/"
                + UriUtils.encodePathSegment(started.path("verificationId").asText(), "UTF-8");
    }

    @GetMapping("/audit/verifications/{id}")
    String verification(@PathVariable String id, Model model) {
        model.addAttribute(
                "verification",
                query.get("/api/audit/verifications/" + UriUtils.encodePathSegment(id, "UTF-8"), Map.of()));
        return "store-verification";
    }

    @GetMapping("/audit/access-log")
    String accessLog(
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String facility,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Map<String, Object> asked = new LinkedHashMap<>();
        asked.put("user", user);
        asked.put("facility", facility);
        model.addAttribute("filters", new LinkedHashMap<>(asked));
        asked.put("page", Math.max(0, page));
        asked.put("size", LOG_PAGE);
        model.addAttribute("log", query.get("/api/privacy/access-log", asked));
        model.addAttribute("page", Math.max(0, page));
        return "access-log";
    }
}
