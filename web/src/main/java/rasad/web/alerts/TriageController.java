package rasad.web.alerts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import rasad.web.apis.CommandApi;
import rasad.web.apis.Outcome;

/**
 * A manager's triage from the inbox: the alerts ticked, taken on at once with one note. Each is its own command,
 * so one refusal (an alert closed meanwhile) is shown against that alert and leaves the others recorded.
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
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<String> ticked = alertIds == null
                ? List.of()
                : alertIds.stream().distinct().limit(MOST_AT_ONCE).toList();
        for (String alertId : ticked) {
            String path = "/api/alerts/" + UriUtils.encodePathSegment(alertId, "UTF-8") + "/acknowledgement";
            outcomes.put(
                    alertId, commands.post(path, note == null || note.isBlank() ? Map.of() : Map.of("note", note)));
        }
        flash.addFlashAttribute("acknowledged", outcomes);
        flash.addFlashAttribute("nothingTicked", ticked.isEmpty());
        return "redirect:" + (back != null && back.startsWith("/alerts") ? back : "/alerts");
    }
}
