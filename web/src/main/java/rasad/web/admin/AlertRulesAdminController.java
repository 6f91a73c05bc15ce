package rasad.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import rasad.web.apis.CommandApi;

/**
 * The alert rules' parameters as the admin tunes them: each rule's values for every programme, whether it runs
 * and its severity, with the last change (who, when, why); a change sent with its reason and a client id. Only
 * what the admin changed is sent, each value in the kind the rule had it in (a flag, a number, a list), and the
 * command side checks each against the rule.
 */
@Controller
class AlertRulesAdminController {

    private static final String PARAMETER = "parameter.";

    private final CommandApi commands;

    AlertRulesAdminController(CommandApi commands) {
        this.commands = commands;
    }

    @GetMapping("/admin/alert-rules")
    String rules(Model model) {
        model.addAttribute("rules", commands.get("/api/alert-rules"));
        model.addAttribute("changeId", UUID.randomUUID().toString());
        model.addAttribute("severities", List.of("LOW", "MEDIUM", "HIGH", "CRITICAL"));
        return "admin-alert-rules";
    }

    @PostMapping("/admin/alert-rules/{rule}")
    String change(@PathVariable String rule, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        JsonNode current = currentSetting(rule);
        Map<String, Object> parameters = new LinkedHashMap<>();
        form.forEach((field, typed) -> {
            if (field.startsWith(PARAMETER)) {
                String key = field.substring(PARAMETER.length());
                JsonNode was = current.path("parameters").path(key);
                Object value = asKindOf(was, typed.strip());
                if (!was.isMissingNode() && !same(was, value)) {
                    parameters.put(key, value);
                }
            }
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("changeId", form.get("changeId"));
        if (!parameters.isEmpty()) {
            body.put("parameters", parameters);
        }
        String severity = form.get("severity");
        if (severity != null && !severity.equals(current.path("severity").asText())) {
            body.put("severity", severity);
        }
        boolean enabled = form.containsKey("enabled");
        if (enabled != current.path("enabled").asBoolean(true)) {
            body.put("enabled", enabled);
        }
        body.put("reason", form.getOrDefault("reason", "").strip());
        flash.addFlashAttribute(
                "outcome",
                commands.put("/api/alert-rules/" + UriUtils.encodePathSegment(rule, "UTF-8") + "/parameters", body));
        flash.addFlashAttribute("changed", rule);
        return "redirect:/admin/alert-rules#rule-" + UriUtils.encodePathSegment(rule, "UTF-8");
    }

    private JsonNode currentSetting(String rule) {
        for (JsonNode inEffect : commands.get("/api/alert-rules").path("rules")) {
            if (inEffect.path("rule").asText().equals(rule)) {
                return inEffect.path("everyProgramme");
            }
        }
        return MissingNode.getInstance();
    }

    /** What was typed, in the kind the rule's value was: a flag, a number, a list; else the text itself. */
    static Object asKindOf(JsonNode was, String typed) {
        if (was.isBoolean() && (typed.equalsIgnoreCase("true") || typed.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(typed);
        }
        if (was.isNumber() && typed.matches("-?\\d{1,15}(\\.\\d{1,15})?")) {
            return typed.contains(".") ? (Object) Double.parseDouble(typed) : (Object) Long.parseLong(typed);
        }
        if (was.isArray()) {
            List<String> items = new ArrayList<>();
            Arrays.stream(typed.split("[,،]"))
                    .map(String::strip)
                    .filter(item -> !item.isEmpty())
                    .forEach(items::add);
            return items;
        }
        return typed;
    }

    private static boolean same(JsonNode was, Object value) {
        if (value instanceof Number number && was.isNumber()) {
            return was.decimalValue().compareTo(new BigDecimal(number.toString())) == 0;
        }
        if (value instanceof List<?> list && was.isArray()) {
            List<String> before = new ArrayList<>();
            was.forEach(item -> before.add(item.asText()));
            return before.equals(list);
        }
        return was.isValueNode() && was.asText().equals(String.valueOf(value));
    }
}
