package rasad.web.admin;

import static rasad.web.apis.FormFields.putIfTyped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import rasad.web.apis.CommandApi;
import rasad.web.apis.QueryApi;
import rasad.web.language.PageLanguage;

/**
 * The staff register as the admin keeps it: who may sign in, in which role and for which county, bank or agency;
 * a password set with its reason (the person changes it at first sign-in); someone retired, with why. Each is a
 * command the record keeps with who did it.
 */
@Controller
class StaffAdminController {

    static final List<String> ROLES =
            List.of("inspector", "bank-officer", "agency-clerk", "manager", "auditor", "admin", "monitoring");

    private final QueryApi query;
    private final CommandApi commands;

    StaffAdminController(QueryApi query, CommandApi commands) {
        this.query = query;
        this.commands = commands;
    }

    @GetMapping("/admin/staff")
    String staff(Model model) {
        model.addAttribute(
                "staff", query.get("/api/staff", Map.of("includeRetired", true, "lang", PageLanguage.code())));
        model.addAttribute("roles", ROLES);
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        return "admin-staff";
    }

    @PostMapping("/admin/staff")
    String register(
            @RequestParam(required = false) String staffId,
            @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String bank,
            @RequestParam(required = false) String agency,
            RedirectAttributes flash) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfTyped(body, "displayName", displayName);
        putIfTyped(body, "role", role);
        putIfTyped(body, "county", county);
        putIfTyped(body, "bank", bank);
        putIfTyped(body, "agency", agency);
        String id = staffId == null ? "" : staffId.strip();
        var outcome = commands.put("/api/staff/" + segment(id.isEmpty() ? "-" : id), body);
        flash.addFlashAttribute("outcome", outcome);
        flash.addFlashAttribute("form", "register");
        if (!outcome.ok()) {
            Map<String, Object> typed = new LinkedHashMap<>(body);
            typed.put("staffId", id);
            flash.addFlashAttribute("typed", typed);
        }
        return "redirect:/admin/staff";
    }

    @PostMapping("/admin/staff/{staffId}/password")
    String password(
            @PathVariable String staffId,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfTyped(body, "password", password);
        putIfTyped(body, "reason", reason);
        flash.addFlashAttribute("outcome", commands.put("/api/staff/" + segment(staffId) + "/password", body));
        flash.addFlashAttribute("form", "password:" + staffId);
        return "redirect:/admin/staff";
    }

    @PostMapping("/admin/staff/{staffId}/retirement")
    String retire(
            @PathVariable String staffId, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfTyped(body, "reason", reason);
        flash.addFlashAttribute("outcome", commands.post("/api/staff/" + segment(staffId) + "/retirement", body));
        flash.addFlashAttribute("form", "retirement:" + staffId);
        return "redirect:/admin/staff";
    }

    private static String segment(String value) {
        return UriUtils.encodePathSegment(value, "UTF-8");
    }
}
