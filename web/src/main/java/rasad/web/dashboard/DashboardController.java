package rasad.web.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rasad.web.apis.QueryApi;

/** The province dashboard a manager prepares the committee's meeting from: target against achievement. */
@Controller
class DashboardController {

    static final int FISCAL_YEAR = 1404;
    /** The breakdowns by a named organisation or place, in the order the committee's report gives them. */
    static final List<String> BREAKDOWNS = List.of("agency", "programme", "county", "bank");

    private final QueryApi query;

    DashboardController(QueryApi query) {
        this.query = query;
    }

    @GetMapping("/")
    String dashboard(
            @RequestParam(defaultValue = "" + FISCAL_YEAR) int year,
            @RequestParam(defaultValue = "12") int toMonth,
            Model model) {
        int month = Math.max(1, Math.min(12, toMonth));
        JsonNode dashboard = query.dashboard(year, month);
        model.addAttribute("year", year);
        model.addAttribute("toMonth", month);
        model.addAttribute("total", dashboard.path("total"));
        model.addAttribute("breakdowns", dashboard.path("breakdowns"));
        model.addAttribute("breakdownKinds", BREAKDOWNS);
        model.addAttribute("months", IntStream.rangeClosed(1, 12).boxed().toList());
        return "dashboard";
    }
}
