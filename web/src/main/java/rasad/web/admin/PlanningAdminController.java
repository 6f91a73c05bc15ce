package rasad.web.admin;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import rasad.web.apis.CommandApi;
import rasad.web.apis.Outcome;
import rasad.web.apis.QueryApi;
import rasad.web.dashboard.Period;
import rasad.web.language.PageLanguage;

/**
 * The year's targets (the committee's jobs, for the province, an agency or a programme) and quotas (each bank's
 * or institution's lending, Note 16 among them) as the admin records them: amounts typed in billions of tomans
 * as the committee's letters give them; a revision carries its reason.
 */
@Controller
class PlanningAdminController {

    static final List<String> SCOPES = List.of("PROVINCE", "AGENCY", "PROGRAMME");
    static final List<String> HOLDERS = List.of("BANK", "AGENCY");
    private static final BigDecimal RIALS_PER_BILLION_TOMANS = BigDecimal.valueOf(10_000_000_000L);

    private final QueryApi query;
    private final CommandApi commands;

    PlanningAdminController(QueryApi query, CommandApi commands) {
        this.query = query;
        this.commands = commands;
    }

    @GetMapping("/admin/planning")
    String planning(@RequestParam(defaultValue = "" + Period.FISCAL_YEAR) int year, Model model) {
        Period period = Period.of(year, 12);
        model.addAttribute("year", period.year());
        Map<String, Object> lang = Map.of("lang", PageLanguage.code());
        model.addAttribute("targets", query.get("/api/planning/" + period.year() + "/targets", lang));
        model.addAttribute("quotas", query.get("/api/planning/" + period.year() + "/quotas", lang));
        model.addAttribute("scopes", SCOPES);
        model.addAttribute("holders", HOLDERS);
        return "admin-planning";
    }

    @PostMapping("/admin/planning/targets")
    String target(
            @RequestParam(defaultValue = "" + Period.FISCAL_YEAR) int year,
            @RequestParam(required = false) String scopeKind,
            @RequestParam(required = false) String scopeCode,
            @RequestParam(required = false) String jobs,
            @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        Outcome outcome;
        if (jobs == null || !jobs.strip().matches("\\d{1,9}")) {
            outcome = Outcome.refusedHere("jobs", "JOBS_NUMBER", "jobs is a whole number, e.g. 12000");
        } else {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("jobs", Integer.parseInt(jobs.strip()));
            body.put("reason", blankToNull(reason));
            outcome = commands.put(
                    "/api/planning/" + Period.of(year, 12).year() + "/targets/" + segment(scopeKind) + "/"
                            + segment(scopeCode),
                    body);
        }
        flash.addFlashAttribute("outcome", outcome);
        flash.addFlashAttribute("form", "target");
        return "redirect:/admin/planning?year=" + Period.of(year, 12).year();
    }

    @PostMapping("/admin/planning/quotas")
    String quota(
            @RequestParam(defaultValue = "" + Period.FISCAL_YEAR) int year,
            @RequestParam(required = false) String holderKind,
            @RequestParam(required = false) String holder,
            @RequestParam(required = false) String programme,
            @RequestParam(required = false) String fundingSource,
            @RequestParam(required = false) String billionTomans,
            @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        Outcome outcome;
        String amount = billionTomans == null
                ? ""
                : billionTomans.strip().replace('٫', '.').replace('/', '.');
        if (!amount.matches("\\d{1,6}(\\.\\d{1,3})?")) {
            outcome = Outcome.refusedHere(
                    "billionTomans", "AMOUNT_NUMBER", "an amount in billions of tomans, e.g. 20 or 12.5");
        } else {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put(
                    "amountRials",
                    new BigDecimal(amount).multiply(RIALS_PER_BILLION_TOMANS).longValueExact());
            body.put("reason", blankToNull(reason));
            outcome = commands.put(
                    "/api/planning/" + Period.of(year, 12).year() + "/quotas/" + segment(holderKind) + "/"
                            + segment(holder) + "/" + segment(programme) + "/" + segment(fundingSource),
                    body);
        }
        flash.addFlashAttribute("outcome", outcome);
        flash.addFlashAttribute("form", "quota");
        return "redirect:/admin/planning?year=" + Period.of(year, 12).year();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String segment(String value) {
        return UriUtils.encodePathSegment(value == null || value.isBlank() ? "-" : value.strip(), "UTF-8");
    }
}
