package rasad.web.quotas;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rasad.web.apis.QueryApi;
import rasad.web.dashboard.Period;
import rasad.web.language.PageLanguage;

/** Quota usage per bank and support institution, Note 16's among them: what is paid and what remains. */
@Controller
class QuotasController {

    private final QueryApi query;

    QuotasController(QueryApi query) {
        this.query = query;
    }

    @GetMapping("/quotas")
    String quotas(@RequestParam(defaultValue = "" + Period.FISCAL_YEAR) int year, Model model) {
        Period period = Period.of(year, 12);
        period.addTo(model);
        model.addAttribute(
                "quotas",
                query.get("/api/dashboard/" + period.year() + "/quotas", Map.of("lang", PageLanguage.code())));
        return "quotas";
    }
}
