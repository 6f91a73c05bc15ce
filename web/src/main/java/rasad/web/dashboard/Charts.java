package rasad.web.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The dashboard's two charts as the data the page's script draws (Apache ECharts): the funnel from target to
 * sustainable jobs, and jobs registered and verified month by month. Labels come in the page's language; the
 * tables beside them carry the same figures for readers who do not see the charts.
 */
@Component
class Charts {

    private static final List<String> FUNNEL =
            List.of("targetJobs", "jobs", "smsConfirmed", "phoneConfirmed", "seenJobs", "verified", "sustainable");

    private final MessageSource messages;
    private final ObjectMapper json;

    Charts(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    String funnel(JsonNode total) {
        List<String> labels = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        for (String figure : FUNNEL) {
            labels.add(message("dashboard." + figure));
            values.add(total.path(figure).asLong(0));
        }
        return write(
                Map.of("kind", "bar", "labels", labels, "series", List.of(series(message("dashboard.value"), values))));
    }

    String months(JsonNode months) {
        List<String> labels = new ArrayList<>();
        List<Long> registered = new ArrayList<>();
        List<Long> verified = new ArrayList<>();
        for (JsonNode month : months) {
            labels.add(message("month." + month.path("month").asInt()));
            registered.add(month.path("figures").path("jobs").asLong(0));
            verified.add(month.path("figures").path("verified").asLong(0));
        }
        return write(Map.of(
                "kind",
                "line",
                "labels",
                labels,
                "series",
                List.of(
                        series(message("dashboard.jobs"), registered),
                        series(message("dashboard.verified"), verified))));
    }

    private static Map<String, Object> series(String name, List<Long> values) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", name);
        series.put("values", values);
        return series;
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private String write(Object chart) {
        try {
            return json.writeValueAsString(chart);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
