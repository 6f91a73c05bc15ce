package rasad.web.alerts;

import static rasad.web.apis.FormFields.putIfTyped;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import rasad.kernel.calendar.TypedDay;
import rasad.kernel.validation.InvalidValueException;
import rasad.web.apis.CommandApi;
import rasad.web.apis.Outcome;
import rasad.web.apis.QueryApi;
import rasad.web.language.PageLanguage;

/**
 * One alert's page: what the rule found, its evidence and every triage step so far, and the forms a manager
 * triages it with: take it on, send an inspector from the staff register with a visit due date, add a note, pass
 * it up, or resolve it, each with its reason. Each form is one command; its refusal comes back to the form with
 * the fields it names, and what was typed is kept.
 */
@Controller
class AlertPageController {

    private final QueryApi query;
    private final CommandApi commands;

    AlertPageController(QueryApi query, CommandApi commands) {
        this.query = query;
        this.commands = commands;
    }

    @GetMapping("/alerts/{alertId}")
    String alert(@PathVariable String alertId, Model model) {
        JsonNode alert = query.get("/api/alerts/" + segment(alertId), Map.of("lang", PageLanguage.code()));
        JsonNode episodes = alert.path("episodes");
        JsonNode latest = episodes.path(episodes.size() - 1);
        model.addAttribute("alert", alert);
        model.addAttribute("latest", latest);
        model.addAttribute("closed", "RESOLVED".equals(latest.path("status").asText()));
        model.addAttribute("inspectors", inspectorsFor(latest));
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        // A fresh id for the next note: a retried submission carries the same id and adds nothing.
        model.addAttribute("noteId", UUID.randomUUID().toString());
        model.addAttribute("resolutions", List.of("FALSE_ALARM", "DIVERSION_CONFIRMED"));
        return "alert";
    }

    @PostMapping("/alerts/{alertId}/acknowledgement")
    String acknowledge(
            @PathVariable String alertId, @RequestParam(required = false) String note, RedirectAttributes flash) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfTyped(body, "note", note);
        return answered(
                alertId, "acknowledgement", commands.post(command(alertId, "acknowledgement"), body), body, flash);
    }

    @PostMapping("/alerts/{alertId}/assignment")
    String assign(
            @PathVariable String alertId,
            @RequestParam(required = false) String inspector,
            @RequestParam(required = false) String visitDueOn,
            @RequestParam(required = false) String note,
            RedirectAttributes flash) {
        Map<String, Object> typed = new LinkedHashMap<>();
        putIfTyped(typed, "inspector", inspector);
        putIfTyped(typed, "visitDueOn", visitDueOn);
        putIfTyped(typed, "note", note);
        Optional<Outcome> badDay = unreadableDay(visitDueOn);
        if (badDay.isPresent()) {
            return answered(alertId, "assignment", badDay.get(), typed, flash);
        }
        Map<String, Object> body = new LinkedHashMap<>(typed);
        if (visitDueOn != null && !visitDueOn.isBlank()) {
            body.put("visitDueOn", TypedDay.parse(visitDueOn).toString());
        }
        return answered(alertId, "assignment", commands.post(command(alertId, "assignment"), body), typed, flash);
    }

    @PostMapping("/alerts/{alertId}/notes")
    String note(
            @PathVariable String alertId,
            @RequestParam(required = false) String noteId,
            @RequestParam(required = false) String note,
            RedirectAttributes flash) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfTyped(body, "noteId", noteId);
        putIfTyped(body, "note", note);
        return answered(alertId, "note", commands.post(command(alertId, "notes"), body), body, flash);
    }

    @PostMapping("/alerts/{alertId}/escalation")
    String escalate(
            @PathVariable String alertId,
            @RequestParam(required = false) String escalateTo,
            @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfTyped(body, "escalateTo", escalateTo);
        putIfTyped(body, "reason", reason);
        return answered(alertId, "escalation", commands.post(command(alertId, "escalation"), body), body, flash);
    }

    @PostMapping("/alerts/{alertId}/resolution")
    String resolve(
            @PathVariable String alertId,
            @RequestParam(required = false) String resolution,
            @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfTyped(body, "resolution", resolution);
        putIfTyped(body, "reason", reason);
        return answered(alertId, "resolution", commands.post(command(alertId, "resolution"), body), body, flash);
    }

    /** The inspectors who cover the alert's county (all of the province's, for an alert with no county). */
    private JsonNode inspectorsFor(JsonNode episode) {
        Map<String, Object> asked = new LinkedHashMap<>();
        asked.put("role", "inspector");
        asked.put("county", episode.path("subject").path("county").asText(null));
        asked.put("lang", PageLanguage.code());
        return query.get("/api/staff", asked);
    }

    /**
     * A visit due date that is no day (Solar Hijri or ISO, any digits, read as the APIs read days) is refused here,
     * with the kernel's rule, as the command side refuses its own fields.
     */
    static Optional<Outcome> unreadableDay(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        try {
            TypedDay.parse(typed);
            return Optional.empty();
        } catch (InvalidValueException noDay) {
            return Optional.of(Outcome.refusedHere("visitDueOn", noDay.rule(), noDay.getMessage()));
        }
    }

    private static String answered(
            String alertId, String form, Outcome outcome, Map<String, Object> typed, RedirectAttributes flash) {
        flash.addFlashAttribute("form", form);
        flash.addFlashAttribute("outcome", outcome);
        if (!outcome.ok()) {
            flash.addFlashAttribute("typed", typed);
        }
        return "redirect:/alerts/" + segment(alertId) + "#" + form;
    }

    private static String command(String alertId, String action) {
        return "/api/alerts/" + segment(alertId) + "/" + action;
    }

    private static String segment(String alertId) {
        return UriUtils.encodePathSegment(alertId, "UTF-8");
    }
}
