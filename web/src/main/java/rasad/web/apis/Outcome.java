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

    /** A field the page itself could not read (a day that is no day), refused before any command is sent. */
    public static Outcome refusedHere(String field, String rule, String message) {
        return new Outcome(400, message, List.of(new FieldProblem(field, rule, message)));
    }

    /** The message for one field, or null: shown beside that field on the form. */
    public String messageFor(String field) {
        return fields.stream()
                .filter(problem -> problem.field().equals(field))
                .map(FieldProblem::message)
                .findFirst()
                .orElse(null);
    }

    public boolean ok() {
        return status < 300;
    }
}
