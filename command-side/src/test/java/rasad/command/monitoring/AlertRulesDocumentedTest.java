package rasad.command.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.alerts.AlertRuleParameter;

/**
 * The rules table of docs/alerts.md says what the code declares: each rule's parameters are those
 * {@link AlertRuleParameter} gives it, their defaults and the rule's severity are those of the configuration
 * (command-side.yml), and the configuration names no parameter the catalogue does not know.
 */
class AlertRulesDocumentedTest {

    private static final Pattern ROW = Pattern.compile("^\\| \\*\\*(R\\d+)\\*\\* \\|(.*)$");
    private static final Pattern KEY = Pattern.compile("`([a-z-]+)`");

    @Test
    void the_rules_table_names_each_rules_parameters_defaults_and_severity_as_configured() throws IOException {
        Map<String, Object> defaults = configuredDefaults();
        @SuppressWarnings("unchecked")
        Map<String, String> severities = (Map<String, String>) defaults.get("severity");
        Map<AlertRule, List<String>> rows = documentedRows();

        assertThat(rows.keySet()).containsExactlyInAnyOrder(AlertRule.values());
        rows.forEach((rule, cells) -> {
            String parameters = cells.get(2);
            Set<String> documented = new TreeSet<>();
            Matcher keys = KEY.matcher(parameters);
            while (keys.find()) {
                documented.add(keys.group(1));
            }
            Set<String> declared = new TreeSet<>();
            AlertRuleParameter.of(rule).forEach(parameter -> declared.add(parameter.key()));
            assertThat(documented).as(rule + "'s parameters in docs/alerts.md").isEqualTo(declared);
            for (String key : declared) {
                Object value = defaults.get(key);
                assertThat(value).as(key + " has a default in command-side.yml").isNotNull();
                if (!(value instanceof List<?> list) || list.size() <= 2) {
                    String shown = value instanceof List<?> list ? list.get(0).toString() : value.toString();
                    assertThat(parameters)
                            .as(rule + " documents the default of " + key)
                            .contains(shown);
                }
            }
            assertThat(cells.get(3).strip()).as(rule + "'s severity").isEqualTo(severities.get(rule.name()));
        });
    }

    @Test
    void the_configuration_names_only_parameters_the_catalogue_declares() {
        Set<String> catalogue = new TreeSet<>(Set.of("disabled", "severity"));
        for (AlertRuleParameter parameter : AlertRuleParameter.values()) {
            catalogue.add(parameter.key());
        }
        assertThat(catalogue).containsAll(configuredDefaults().keySet());
        assertThat(configuredDefaults().keySet()).containsAll(catalogue);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> configuredDefaults() {
        try (InputStream yml = AlertRulesDocumentedTest.class.getResourceAsStream("/command-side.yml")) {
            Map<String, Object> root = new Yaml().load(yml);
            Map<String, Object> alerts = (Map<String, Object>) ((Map<String, Object>) root.get("rasad")).get("alerts");
            return (Map<String, Object>) alerts.get("defaults");
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    /** Each rule's row, cut into its cells after the rule: detects, why, parameters, severity, clears. */
    private static Map<AlertRule, List<String>> documentedRows() throws IOException {
        Map<AlertRule, List<String>> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("..", "docs", "alerts.md"), StandardCharsets.UTF_8)) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                List<String> cells = List.of(row.group(2).split("\\|"));
                rows.put(
                        AlertRule.valueOf(row.group(1)),
                        cells.stream().map(String::strip).toList());
            }
        }
        return rows;
    }
}
