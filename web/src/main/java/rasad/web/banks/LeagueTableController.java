package rasad.web.banks;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rasad.web.apis.QueryApi;
import rasad.web.dashboard.Period;
import rasad.web.language.PageLanguage;

/** The bank league table: absorption of each bank's quota, jobs per billion paid, and who is below expectation. */
@Controller
class LeagueTableController {

    private final QueryApi query;

    LeagueTableController(QueryApi query) {
        this.query = query;
    }

    @GetMapping("/banks")
    String banks(
            @RequestParam(defaultValue = "" + Period.FISCAL_YEAR) int year,
            @RequestParam(defaultValue = "12") int toMonth,
            Model model) {
        Period period = Period.of(year, toMonth);
        period.addTo(model);
        model.addAttribute(
                "banks",
                query.get(
                        "/api/dashboard/" + period.year() + "/banks",
                        Map.of("toMonth", period.toMonth(), "lang", PageLanguage.code())));
        return "banks";
    }
}
