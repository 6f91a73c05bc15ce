package rasad.web.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import rasad.web.apis.Download;
import rasad.web.apis.QueryApi;
import rasad.web.language.PageLanguage;

/**
 * One case as a manager or an auditor reads it: live, or as it stood at a past instant on either time axis
 * (what Rasad knew then, or what was true then as known now); its history with both times side by side; a
 * verification of its hash chain on demand; its dossier as PDF.
 */
@Controller
class CaseController {

    static final List<String> AXES = List.of("recorded", "business");
    static final int HISTORY_PAGE = 50;

    private final QueryApi query;

    CaseController(QueryApi query) {
        this.query = query;
    }

    @GetMapping("/cases/{facilityId}")
    String view(
            @PathVariable String facilityId,
            @RequestParam(required = false) String at,
            @RequestParam(defaultValue = "recorded") String axis,
            Model model) {
        String chosenAxis = AXES.contains(axis) ? axis : "recorded";
        model.addAttribute("facilityId", facilityId);
        model.addAttribute("at", at == null ? "" : at.strip());
        model.addAttribute("axis", chosenAxis);
        model.addAttribute("axes", AXES);
        if (at != null && !at.isBlank()) {
            Map<String, Object> asked = new LinkedHashMap<>();
            asked.put("at", at.strip());
            asked.put("axis", chosenAxis);
            asked.put("lang", PageLanguage.code());
            JsonNode past = query.get(audit(facilityId, "as-of"), asked);
            model.addAttribute("asOf", past);
            model.addAttribute("facility", past.path("state"));
            model.addAttribute("lastVerification", past.path("lastVerification"));
        } else {
            JsonNode live = query.get("/api/facilities/" + segment(facilityId), Map.of("lang", PageLanguage.code()));
            model.addAttribute("facility", live);
            model.addAttribute("lastVerification", live.path("lastVerification"));
        }
        return "case";
    }

    @GetMapping("/cases/{facilityId}/history")
    String history(@PathVariable String facilityId, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("facilityId", facilityId);
        model.addAttribute(
                "history",
                query.get(audit(facilityId, "history"), Map.of("page", Math.max(0, page), "size", HISTORY_PAGE)));
        model.addAttribute("page", Math.max(0, page));
        return "history";
    }

    /** Re-checks the case's hash chain now; the outcome is shown on the case, and kept as its last verification. */
    @PostMapping("/cases/{facilityId}/verification")
    String verify(@PathVariable String facilityId, RedirectAttributes flash) {
        flash.addFlashAttribute("verification", query.get(audit(facilityId, "verification"), Map.of()));
        return "redirect:/cases/" + segment(facilityId);
    }

    @GetMapping("/cases/{facilityId}/dossier.pdf")
    ResponseEntity<byte[]> dossier(@PathVariable String facilityId) {
        return Download.of(
                query.bytes(audit(facilityId, "dossier.pdf"), Map.of()),
                MediaType.APPLICATION_PDF,
                "dossier-" + facilityId.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf");
    }

    private static String audit(String facilityId, String read) {
        return "/api/audit/cases/" + segment(facilityId) + "/" + read;
    }

    private static String segment(String facilityId) {
        return UriUtils.encodePathSegment(facilityId, "UTF-8");
    }
}
