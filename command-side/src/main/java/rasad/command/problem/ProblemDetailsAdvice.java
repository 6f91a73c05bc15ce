package rasad.command.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import rasad.kernel.validation.InvalidValueException;
import rasad.kernel.validation.ProblemTypes;
import rasad.kernel.validation.RuleViolation;

/**
 * Every refusal as RFC 9457 problem details naming the field and the rule broken; never a bare 500 with a
 * stack trace. A refused request has recorded nothing: validation happens before any command is sent.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(InvalidFieldsException.class)
    ProblemDetail invalidFields(InvalidFieldsException invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describe(invalid.errors()));
        problem.setType(ProblemTypes.INVALID_INPUT);
        problem.setTitle("Invalid input");
        problem.setProperty("errors", invalid.errors());
        return problem;
    }

    @ExceptionHandler(InvalidValueException.class)
    ProblemDetail invalidValue(InvalidValueException invalid) {
        return invalidFields(new InvalidFieldsException(
                List.of(new FieldErrors.FieldError(null, invalid.rule(), invalid.getMessage()))));
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolation(RuleViolation violation) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, violation.getMessage());
        problem.setType(ProblemTypes.RULE_VIOLATION);
        problem.setTitle("Refused by rule " + violation.rule());
        problem.setProperty("rule", violation.rule());
        violation.details().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(org.axonframework.modelling.command.AggregateNotFoundException.class)
    ProblemDetail unknownCase(org.axonframework.modelling.command.AggregateNotFoundException missing) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "no " + missing.getAggregateIdentifier() + " is recorded");
        problem.setType(ProblemTypes.NOT_FOUND);
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(rasad.kernel.validation.NotResponsible.class)
    ProblemDetail notResponsible(rasad.kernel.validation.NotResponsible refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, refused.getMessage());
        problem.setType(ProblemTypes.FORBIDDEN);
        problem.setTitle("Not responsible for this case");
        problem.setProperty("rule", refused.rule());
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException denied) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "your role may not do this");
        problem.setType(ProblemTypes.FORBIDDEN);
        problem.setTitle("Forbidden");
        return problem;
    }

    /** Every attempt lost a race on one case: nothing of this request was recorded, and a retry is safe. */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> busy(RuntimeException lostEveryRace) {
        log.warn("A command lost every attempt to record on a busy case: {}", lostEveryRace.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the case was being changed by others at the same moment; nothing was recorded. "
                        + "Retrying with the same ids is safe.");
        problem.setType(ProblemTypes.BUSY);
        problem.setTitle("Case busy");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception failure) {
        log.error("Unexpected failure handling a request", failure);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Rasad could not complete the request; nothing was recorded unless a later read shows it. "
                        + "Retrying with the same ids is safe.");
        problem.setType(ProblemTypes.INTERNAL);
        problem.setTitle("Internal error");
        return problem;
    }

    /** Unparseable JSON, or a value of the wrong type (a date that is not a date): named by its JSON path. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the request body is not valid JSON of the expected shape");
        problem.setType(ProblemTypes.MALFORMED_BODY);
        problem.setTitle("Malformed request body");
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            problem.setProperty("errors", List.of(new FieldErrors.FieldError(field, "TYPE_MISMATCH",
                    "the value of " + field + " is not of the expected type")));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    private static String describe(List<FieldErrors.FieldError> errors) {
        Map<String, String> byField = errors.stream().collect(Collectors.toMap(
                e -> e.field() == null ? "request" : e.field(), FieldErrors.FieldError::rule, (a, b) -> a + ", " + b,
                java.util.LinkedHashMap::new));
        return byField.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
