package rasad.web.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rasad.web.apis.QueryApi;

/** The province dashboard a manager prepares the committee's meeting from: target against achievement. */
@Controller
class DashboardController {

    /** The breakdowns by a named organisation or place, in the order the committee's report gives them. */
    static final List<String> BREAKDOWNS =
            List.of("agency", "programme", "county", "bank", "gender", "disability", "area");

    private final QueryApi query;
    private final Charts charts;

    DashboardController(QueryApi query, Charts charts) {
        this.query = query;
        this.charts = charts;
    }

    @GetMapping("/")
    String dashboard(
            @RequestParam(defaultValue = "" + Period.FISCAL_YEAR) int year,
            @RequestParam(defaultValue = "12") int toMonth,
            Model model) {
        Period period = Period.of(year, toMonth);
        period.addTo(model);
        JsonNode dashboard = query.dashboard(period.year(), period.toMonth());
        model.addAttribute("total", dashboard.path("total"));
        model.addAttribute("breakdowns", dashboard.path("breakdowns"));
        model.addAttribute("breakdownKinds", BREAKDOWNS);
        model.addAttribute("funnelChart", charts.funnel(dashboard.path("total")));
        model.addAttribute("monthsChart", charts.months(dashboard.path("months")));
        return "dashboard";
    }
}
