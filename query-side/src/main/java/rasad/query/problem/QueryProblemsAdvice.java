package rasad.query.problem;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import rasad.kernel.validation.ProblemTypes;

/** Answers as RFC 9457 problem details, naming the parameter and the rule; never a bare 500. */
@RestControllerAdvice
class QueryProblemsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(QueryProblemsAdvice.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException missing) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, missing.getMessage());
        problem.setType(ProblemTypes.NOT_FOUND);
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(QueryParameterException.class)
    ProblemDetail badParameter(QueryParameterException bad) {
        return invalid(bad.parameter(), bad.rule(), bad.getMessage());
    }

    @ExceptionHandler(QueryConflictException.class)
    ProblemDetail conflict(QueryConflictException conflict) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, conflict.getMessage());
        problem.setType(ProblemTypes.RULE_VIOLATION);
        problem.setTitle("Refused");
        problem.setProperty("rule", conflict.rule());
        return problem;
    }

    @ExceptionHandler(QueryBusyException.class)
    org.springframework.http.ResponseEntity<ProblemDetail> busy(QueryBusyException busy) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, busy.getMessage());
        problem.setType(ProblemTypes.BUSY);
        problem.setTitle("Busy");
        return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(org.springframework.http.HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException mismatch) {
        return invalid(mismatch.getName(), "TYPE_MISMATCH", mismatch.getName() + " is not of the expected type");
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ProblemDetail forbidden(org.springframework.security.access.AccessDeniedException denied) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "your role may not see this");
        problem.setType(ProblemTypes.FORBIDDEN);
        problem.setTitle("Forbidden");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception failure) {
        log.error("Unexpected failure answering a query", failure);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Rasad could not answer; the query can be repeated safely.");
        problem.setType(ProblemTypes.INTERNAL);
        problem.setTitle("Internal error");
        return problem;
    }

    private static ProblemDetail invalid(String parameter, String rule, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, parameter + ": " + rule);
        problem.setType(ProblemTypes.INVALID_INPUT);
        problem.setTitle("Invalid input");
        problem.setProperty("errors", List.of(Map.of("field", parameter, "rule", rule, "message", message)));
        return problem;
    }
}
