package rasad.edge.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import rasad.kernel.validation.InvalidValueException;
import rasad.kernel.validation.NotResponsible;
import rasad.kernel.validation.RuleViolation;

/**
 * Every refusal on either side as RFC 9457 problem details naming the field and the rule broken; never a bare
 * 500 with a stack trace. A side's own failures (the command side's Axon ones) are answered by an advice of
 * that side, ordered before this one.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class EdgeProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(EdgeProblems.class);
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '([^']*)'");

    @ExceptionHandler(InvalidFieldsException.class)
    ProblemDetail invalidFields(InvalidFieldsException invalid) {
        return Problems.invalid(invalid.errors());
    }

    @ExceptionHandler(InvalidValueException.class)
    ProblemDetail invalidValue(InvalidValueException invalid) {
        return Problems.invalid(List.of(new FieldError(null, invalid.rule(), invalid.getMessage())));
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolation(RuleViolation violation) {
        ProblemDetail problem = Problems.of(
                HttpStatus.CONFLICT,
                ProblemTypes.RULE_VIOLATION,
                "Refused by rule " + violation.rule(),
                violation.getMessage());
        problem.setProperty("rule", violation.rule());
        violation.details().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(NotResponsible.class)
    ProblemDetail notResponsible(NotResponsible refused) {
        ProblemDetail problem = Problems.of(
                HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Not responsible for this case", refused.getMessage());
        problem.setProperty("rule", refused.rule());
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException denied) {
        return Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", "your role may not do this");
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException missing) {
        ProblemDetail problem =
                Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", missing.getMessage());
        missing.field().ifPresent(field -> problem.setProperty("errors", List.of(field)));
        return problem;
    }

    @ExceptionHandler(BusyException.class)
    ResponseEntity<ProblemDetail> busy(BusyException busy) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.BUSY, "Busy", busy.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException mismatch) {
        Optional<InvalidValueException> rule = causeOf(mismatch, InvalidValueException.class);
        return Problems.invalid(List.of(new FieldError(
                mismatch.getName(),
                rule.map(InvalidValueException::rule).orElse("TYPE_MISMATCH"),
                rule.map(Throwable::getMessage).orElse(mismatch.getName() + " is not of the expected type"))));
    }

    /** {@code county[$ne]=x} bound to a record's property: a parameter that names no field, not a 500. */
    @ExceptionHandler(InvalidPropertyException.class)
    ProblemDetail unknownParameter(InvalidPropertyException unknown) {
        return Problems.invalid(List.of(new FieldError(
                unknown.getPropertyName(), "UNKNOWN_PARAMETER", "no parameter is named " + unknown.getPropertyName())));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException tooLarge, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(BodyLimit.tooLarge(tooLarge.getMaxUploadSize()));
    }

    /** An unterminated multipart body, a NUL in a file name: the client's upload is broken, not Rasad. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail brokenUpload(MultipartException broken) {
        Optional<BodyLimit.BodyTooLargeException> tooLarge = causeOf(broken, BodyLimit.BodyTooLargeException.class);
        if (tooLarge.isPresent()) {
            return BodyLimit.tooLarge(tooLarge.get().limit());
        }
        return Problems.of(
                HttpStatus.BAD_REQUEST,
                ProblemTypes.MALFORMED_BODY,
                "Malformed upload",
                "the multipart body cannot be read: send one complete part named file, with a plain file name");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception failure) {
        Optional<BodyLimit.BodyTooLargeException> tooLarge = causeOf(failure, BodyLimit.BodyTooLargeException.class);
        if (tooLarge.isPresent()) {
            return BodyLimit.tooLarge(tooLarge.get().limit());
        }
        log.error("Unexpected failure handling a request", failure);
        return Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                ProblemTypes.INTERNAL,
                "Internal error",
                "Rasad could not complete the request; nothing was recorded unless a later read shows it. "
                        + "Retrying with the same ids is safe.");
    }

    /**
     * A body that is not JSON of the expected shape, named by its JSON path and the rule it breaks: a value
     * object's own rule where one refused it, else what Jackson found (a key twice, a null in a list, a field
     * that does not exist, a number too large).
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Optional<BodyLimit.BodyTooLargeException> tooLarge = causeOf(ex, BodyLimit.BodyTooLargeException.class);
        if (tooLarge.isPresent()) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(BodyLimit.tooLarge(tooLarge.get().limit()));
        }
        Optional<FieldError> field = fieldOf(ex.getCause());
        ProblemDetail problem;
        if (field.isPresent() && causeOf(ex, InvalidValueException.class).isPresent()) {
            // well-formed JSON whose value breaks a rule of the domain: the same answer as any invalid field
            problem = Problems.invalid(List.of(field.get()));
        } else if (field.isPresent()) {
            problem = Problems.of(
                    HttpStatus.BAD_REQUEST,
                    ProblemTypes.MALFORMED_BODY,
                    "Malformed request body",
                    field.get().field() + ": " + field.get().rule());
            problem.setProperty("errors", List.of(field.get()));
        } else {
            problem = Problems.of(
                    HttpStatus.BAD_REQUEST,
                    ProblemTypes.MALFORMED_BODY,
                    "Malformed request body",
                    "the request body is not valid JSON of the expected shape");
            if (ex.getCause() instanceof JsonProcessingException parsing) {
                problem.setProperty(
                        "errors", List.of(new FieldError(null, parseRule(parsing), parsing.getOriginalMessage())));
            }
        }
        return ResponseEntity.badRequest().body(problem);
    }

    private static Optional<FieldError> fieldOf(Throwable cause) {
        if (cause instanceof JsonParseException duplicate && duplicate.getOriginalMessage() != null) {
            Matcher name = DUPLICATE_FIELD.matcher(duplicate.getOriginalMessage());
            if (name.find()) {
                return Optional.of(new FieldError(
                        name.group(1), "DUPLICATE_FIELD", name.group(1) + " is given twice; send each field once"));
            }
        }
        if (!(cause instanceof JsonMappingException mapping)
                || mapping.getPath().isEmpty()) {
            return Optional.empty();
        }
        String path = JsonPaths.of(mapping.getPath());
        Optional<InvalidValueException> rule = causeOf(mapping, InvalidValueException.class);
        if (rule.isPresent()) {
            return Optional.of(
                    new FieldError(path, rule.get().rule(), rule.get().getMessage()));
        }
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            return Optional.of(
                    new FieldError(path, "UNKNOWN_FIELD", "no field is named " + unknown.getPropertyName() + " here"));
        }
        if (mapping instanceof InvalidNullException) {
            return Optional.of(
                    new FieldError(path, "NULL_NOT_ALLOWED", "null is not a value here; leave the entry out instead"));
        }
        if (causeOf(mapping, InputCoercionException.class).isPresent()) {
            return Optional.of(new FieldError(path, "NUMBER_OUT_OF_RANGE", "the number in " + path + " is too large"));
        }
        if (mapping instanceof MismatchedInputException mismatch
                && mismatch.getTargetType() != null
                && mismatch.getOriginalMessage() != null
                && (mismatch.getOriginalMessage().contains("fraction")
                        || mismatch.getOriginalMessage().contains("Floating-point"))) {
            return Optional.of(new FieldError(path, "WHOLE_NUMBER", path + " is a whole number"));
        }
        return Optional.of(
                new FieldError(path, "TYPE_MISMATCH", "the value of " + path + " is not of the expected type"));
    }

    private static String parseRule(JsonProcessingException parsing) {
        String message = String.valueOf(parsing.getOriginalMessage());
        if (parsing instanceof StreamConstraintsException) {
            return "TOO_LARGE";
        }
        if (message.contains("Trailing token")) {
            return "TRAILING_CONTENT";
        }
        return "NOT_JSON";
    }

    static <T extends Throwable> Optional<T> causeOf(Throwable failure, Class<T> kind) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (kind.isInstance(cause)) {
                return Optional.of(kind.cast(cause));
            }
        }
        return Optional.empty();
    }
}
