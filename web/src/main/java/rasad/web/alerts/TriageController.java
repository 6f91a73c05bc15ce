package rasad.web.alerts;

import static rasad.web.apis.FormFields.putIfTyped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import rasad.kernel.calendar.TypedDay;
import rasad.web.apis.CommandApi;
import rasad.web.apis.Outcome;

/**
 * A manager's triage from the inbox: the alerts ticked, taken on at once with one note, or sent to one inspector
 * by one due date. Each is its own command, so one refusal (an alert closed meanwhile, a county the inspector
 * does not cover) is shown against that alert and leaves the others recorded.
 */
@Controller
class TriageController {

    /** More than a page of the inbox is never ticked at once; a longer list is not from the page. */
    static final int MOST_AT_ONCE = InboxController.PAGE_SIZE;

    private final CommandApi commands;

    TriageController(CommandApi commands) {
        this.commands = commands;
    }

    @PostMapping("/alerts/acknowledgements")
    String acknowledge(
            @RequestParam(name = "alertId", required = false) List<String> alertIds,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String back,
            RedirectAttributes flash) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfTyped(body, "note", note);
        return eachTicked(alertIds, "acknowledgement", body, "acknowledged", back, flash);
    }

    @PostMapping("/alerts/assignments")
    String assign(
            @RequestParam(name = "alertId", required = false) List<String> alertIds,
            @RequestParam(required = false) String inspector,
            @RequestParam(required = false) String visitDueOn,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String back,
            RedirectAttributes flash) {
        var badDay = AlertPageController.unreadableDay(visitDueOn);
        if (badDay.isPresent()) {
            flash.addFlashAttribute("bulkRefusal", badDay.get());
            return "redirect:" + back(back);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        putIfTyped(body, "inspector", inspector);
        if (visitDueOn != null && !visitDueOn.isBlank()) {
            body.put("visitDueOn", TypedDay.parse(visitDueOn).toString());
        }
        putIfTyped(body, "note", note);
        return eachTicked(alertIds, "assignment", body, "assigned", back, flash);
    }

    private String eachTicked(
            List<String> alertIds,
            String action,
            Map<String, Object> body,
            String done,
            String back,
            RedirectAttributes flash) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<String> ticked = alertIds == null
                ? List.of()
                : alertIds.stream().distinct().limit(MOST_AT_ONCE).toList();
        for (String alertId : ticked) {
            String path = "/api/alerts/" + UriUtils.encodePathSegment(alertId, "UTF-8") + "/" + action;
            outcomes.put(alertId, commands.post(path, body));
        }
        flash.addFlashAttribute("triaged", outcomes);
        flash.addFlashAttribute("triagedAs", done);
        flash.addFlashAttribute("nothingTicked", ticked.isEmpty());
        return "redirect:" + back(back);
    }

    /** Back to the inbox page the manager came from, filters kept; never to anywhere else. */
    private static String back(String back) {
        return back != null && (back.equals("/alerts") || back.startsWith("/alerts?")) ? back : "/alerts";
    }
}
