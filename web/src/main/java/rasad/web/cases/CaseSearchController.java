package rasad.web.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rasad.web.apis.QueryApi;
import rasad.web.language.PageLanguage;

/**
 * Search for a case by the person (national id, or part of a name, Persian-aware) or by where it is: the query
 * side decides who may see which cases and records every search by national id in the personal-data access log.
 */
@Controller
class CaseSearchController {

    static final List<String> STATUSES =
            List.of("GRANTED", "PARTLY_DISBURSED", "DISBURSED", "REPAID", "RECALLED", "WRITTEN_OFF");
    static final int PAGE_SIZE = 20;

    private final QueryApi query;

    CaseSearchController(QueryApi query) {
        this.query = query;
    }

    @GetMapping("/cases")
    String search(
            @RequestParam(required = false) String nationalId,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String bank,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Map<String, Object> asked = new LinkedHashMap<>();
        asked.put("nationalId", nationalId);
        asked.put("name", name);
        asked.put("county", county);
        asked.put("bank", bank);
        asked.put("status", status);
        model.addAttribute("filters", new LinkedHashMap<>(asked));
        model.addAttribute("statuses", STATUSES);
        boolean searched = asked.values().stream()
                .anyMatch(value -> value != null && !value.toString().isBlank());
        model.addAttribute("searched", searched);
        if (searched) {
            asked.put("page", Math.max(0, page));
            asked.put("size", PAGE_SIZE);
            asked.put("lang", PageLanguage.code());
            model.addAttribute("cases", query.get("/api/facilities", asked));
            model.addAttribute("page", Math.max(0, page));
        }
        return "cases";
    }
}
