package rasad.web.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rasad.web.apis.QueryApi;

/** The province dashboard a manager prepares the committee's meeting from: target against achievement. */
@Controller
class DashboardController {

    static final int FISCAL_YEAR = 1404;

    private final QueryApi query;

    DashboardController(QueryApi query) {
        this.query = query;
    }

    @GetMapping("/")
    String dashboard(
            @RequestParam(defaultValue = "" + FISCAL_YEAR) int year,
            @RequestParam(defaultValue = "12") int toMonth,
            Model model) {
        JsonNode dashboard = query.dashboard(year, Math.max(1, Math.min(12, toMonth)));
        model.addAttribute("year", year);
        model.addAttribute("toMonth", toMonth);
        model.addAttribute("total", dashboard.path("total"));
        return "dashboard";
    }
}
