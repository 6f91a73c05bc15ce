package rasad.web.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rasad.web.apis.QueryApi;
import rasad.web.language.PageLanguage;

/**
 * The alert inbox a manager triages diversion from: filtered by status, severity, rule, county and bank, sorted,
 * paged; and the bank × county heat table over the same filters. The query side checks every filter; the page
 * only passes on what was chosen.
 */
@Controller
class InboxController {

    static final List<String> STATUSES = List.of("open", "OPEN", "ACKNOWLEDGED", "ASSIGNED", "ESCALATED", "closed");
    static final List<String> SEVERITIES = List.of("LOW", "MEDIUM", "HIGH", "CRITICAL");
    static final List<String> SORTS = List.of("severity", "-severity", "raisedAt", "-raisedAt", "age", "-age");
    static final int PAGE_SIZE = 20;

    private final QueryApi query;

    InboxController(QueryApi query) {
        this.query = query;
    }

    @GetMapping("/alerts")
    String inbox(
            @RequestParam(defaultValue = "open") String status,
            @RequestParam(required = false) String severity,
            @RequestParam(required = false) String rule,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String bank,
            @RequestParam(defaultValue = "-severity") String sort,
            @RequestParam(defaultValue = "0") int page,
            Authentication signedIn,
            Model model) {
        Map<String, Object> filters = filters(status, severity, rule, county, bank);
        Map<String, Object> asked = new LinkedHashMap<>(filters);
        asked.put("sort", SORTS.contains(sort) ? sort : "-severity");
        asked.put("page", Math.max(0, page));
        asked.put("size", PAGE_SIZE);
        asked.put("lang", PageLanguage.code());
        JsonNode alerts = query.get("/api/alerts", asked);
        model.addAttribute("alerts", alerts);
        model.addAttribute("filters", asked);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("severities", SEVERITIES);
        model.addAttribute("sorts", SORTS);
        if (signedIn.getAuthorities().stream()
                .anyMatch(role -> role.getAuthority().equals("ROLE_MANAGER"))) {
            // the province's inspectors: the command side refuses, per alert, a county one does not cover
            model.addAttribute(
                    "inspectors", query.get("/api/staff", Map.of("role", "inspector", "lang", PageLanguage.code())));
        }
        return "alerts";
    }

    @GetMapping("/alerts/heat")
    String heat(
            @RequestParam(defaultValue = "open") String status,
            @RequestParam(required = false) String severity,
            @RequestParam(required = false) String rule,
            Model model) {
        Map<String, Object> asked = new LinkedHashMap<>(filters(status, severity, rule, null, null));
        asked.put("lang", PageLanguage.code());
        model.addAttribute("heat", query.get("/api/alerts/heat", asked));
        model.addAttribute("filters", asked);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("severities", SEVERITIES);
        return "heat";
    }

    private static Map<String, Object> filters(
            String status, String severity, String rule, String county, String bank) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("status", status);
        filters.put("severity", severity);
        filters.put("rule", rule);
        filters.put("county", county);
        filters.put("bank", bank);
        return filters;
    }
}
