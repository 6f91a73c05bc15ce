package rasad.web.apis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** What the command side answered a form: done, or refused with its reason and the fields it names. */
public record Outcome(int status, String detail, List<FieldProblem> fields) {

    /** One field's refusal: the rule broken and the message the command side gave. */
    public record FieldProblem(String field, String rule, String message) {}

    static Outcome done() {
        return new Outcome(200, null, List.of());
    }

    static Outcome refused(int status, JsonNode problem) {
        List<FieldProblem> fields = new ArrayList<>();
        problem.path("errors")
                .forEach(error -> fields.add(new FieldProblem(
                        error.path("field").asText(),
                        error.path("rule").asText(),
                        error.path("message").asText())));
        if (fields.isEmpty() && problem.hasNonNull("field")) {
            fields.add(new FieldProblem(
                    problem.path("field").asText(),
                    problem.path("rule").asText(),
                    problem.path("detail").asText()));
        }
        String detail = problem.path("detail").asText(problem.path("title").asText("refused"));
        return new Outcome(status, detail, List.copyOf(fields));
    }

    public boolean ok() {
        return status < 300;
    }
}
