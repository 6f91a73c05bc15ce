package rasad.web.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import rasad.web.apis.CommandApi;
import rasad.web.apis.QueryApi;

/**
 * The admin's view of the query side's processors (position against the store's head, lag, rate, ETA, errors),
 * refreshed in place, and a read model rebuilt from the first event, with the reason the record keeps. The
 * rebuild's id is made when the form is drawn, so a form sent twice asks once.
 */
@Controller
class ProcessorsController {

    private final QueryApi query;
    private final CommandApi commands;

    ProcessorsController(QueryApi query, CommandApi commands) {
        this.query = query;
        this.commands = commands;
    }

    @GetMapping("/admin/processors")
    String processors(Model model) {
        model.addAttribute("processors", query.get("/api/processors", Map.of()));
        model.addAttribute("actions", query.get("/api/operator-actions", Map.of()));
        model.addAttribute("rebuildId", UUID.randomUUID().toString());
        return "admin-processors";
    }

    @PostMapping("/admin/processors/{name}/rebuild")
    String rebuild(
            @PathVariable String name,
            @RequestParam(required = false) String rebuildId,
            @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rebuildId", rebuildId);
        body.put("readModel", name);
        body.put("reason", reason == null ? null : reason.strip());
        flash.addFlashAttribute("outcome", commands.post("/api/read-model-rebuilds", body));
        flash.addFlashAttribute("rebuilt", name);
        return "redirect:/admin/processors";
    }
}
