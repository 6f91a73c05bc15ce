package rasad.web.committee;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rasad.web.apis.QueryApi;
import rasad.web.dashboard.Period;
import rasad.web.language.PageLanguage;

/** The committee's approved plans of the year and how far each has come: financed, paid, jobs, verified. */
@Controller
class ApprovalsController {

    private final QueryApi query;

    ApprovalsController(QueryApi query) {
        this.query = query;
    }

    @GetMapping("/approvals")
    String approvals(@RequestParam(defaultValue = "" + Period.FISCAL_YEAR) int year, Model model) {
        Period period = Period.of(year, 12);
        period.addTo(model);
        model.addAttribute(
                "approvals",
                query.get(
                        "/api/committee-approvals", Map.of("fiscalYear", period.year(), "lang", PageLanguage.code())));
        return "approvals";
    }
}
