package rasad.web.admin;

import static rasad.web.apis.FormFields.putIfTyped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import rasad.web.apis.CommandApi;
import rasad.web.apis.QueryApi;

/**
 * Reference data as the admin keeps it: the programmes, funding sources, agencies, banks, branches and counties
 * every case names, each with its Persian and English name; an entry added, or retired with its reason (cases
 * that name it keep it).
 */
@Controller
class ReferenceDataAdminController {

    static final List<String> KINDS = List.of("PROGRAMME", "FUNDING_SOURCE", "AGENCY", "BANK", "BANK_BRANCH", "COUNTY");

    private final QueryApi query;
    private final CommandApi commands;

    ReferenceDataAdminController(QueryApi query, CommandApi commands) {
        this.query = query;
        this.commands = commands;
    }

    @GetMapping("/admin/reference-data")
    String entries(@RequestParam(required = false) String kind, Model model) {
        String shown = kind != null && KINDS.contains(kind) ? kind : null;
        Map<String, Object> asked = new LinkedHashMap<>();
        asked.put("kind", shown);
        asked.put("includeRetired", true);
        model.addAttribute("entries", query.get("/api/reference-data", asked));
        model.addAttribute("kinds", KINDS);
        model.addAttribute("kind", shown);
        return "admin-reference-data";
    }

    @PostMapping("/admin/reference-data")
    String add(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String nameFa,
            @RequestParam(required = false) String nameEn,
            @RequestParam(required = false) String parentBank,
            @RequestParam(required = false) String fiscalYear,
            RedirectAttributes flash) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfTyped(body, "kind", kind);
        putIfTyped(body, "code", code);
        putIfTyped(body, "nameFa", nameFa);
        putIfTyped(body, "nameEn", nameEn);
        putIfTyped(body, "parentBank", parentBank);
        if (fiscalYear != null && fiscalYear.strip().matches("\\d{4}")) {
            body.put("fiscalYear", Integer.parseInt(fiscalYear.strip()));
        } else {
            putIfTyped(body, "fiscalYear", fiscalYear);
        }
        flash.addFlashAttribute("outcome", commands.post("/api/reference-data", body));
        return "redirect:/admin/reference-data" + (kind != null && KINDS.contains(kind) ? "?kind=" + kind : "");
    }

    @PostMapping("/admin/reference-data/{kind}/{code}/retirement")
    String retire(
            @PathVariable String kind,
            @PathVariable String code,
            @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfTyped(body, "reason", reason);
        flash.addFlashAttribute(
                "outcome",
                commands.post(
                        "/api/reference-data/" + UriUtils.encodePathSegment(kind, "UTF-8") + "/"
                                + UriUtils.encodePathSegment(code, "UTF-8") + "/retirement",
                        body));
        return "redirect:/admin/reference-data" + (KINDS.contains(kind) ? "?kind=" + kind : "");
    }
}
