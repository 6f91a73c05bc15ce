package rasad.command.problem;

import java.util.List;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import rasad.edge.problem.FieldError;
import rasad.edge.problem.ProblemTypes;
import rasad.edge.problem.Problems;

/**
 * The command side's own failures, which come from recording events; everything else is answered by the
 * shared edge ({@link rasad.edge.problem.EdgeProblems}), after this.
 */
@RestControllerAdvice
@Order(0)
class CommandProblems {

    private static final Logger log = LoggerFactory.getLogger(CommandProblems.class);

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownCase(AggregateNotFoundException missing) {
        return Problems.of(
                HttpStatus.NOT_FOUND,
                ProblemTypes.NOT_FOUND,
                "Not found",
                "no " + missing.getAggregateIdentifier() + " is recorded");
    }

    /**
     * Ids are one namespace across every kind of case (the store keys a stream by its id alone): a finding, a
     * visit or a sample given a facility's id is refused, and nothing is recorded. Re-keying streams by kind
     * would let two cases share an id that people then confuse on paper.
     */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ProblemDetail idOfAnotherKind(IncompatibleAggregateException taken) {
        log.warn("A command named an id already used by another kind of case: {}", taken.getMessage());
        ProblemDetail problem = Problems.of(
                HttpStatus.CONFLICT,
                ProblemTypes.CONFLICT,
                "Id in use",
                "the id is already used by another kind of case; choose another id. Nothing was recorded.");
        problem.setProperty(
                "errors", List.of(new FieldError(null, "ID_IN_USE", "the id is already used by another kind of case")));
        return problem;
    }

    /** Every attempt lost a race on one case: nothing of this request was recorded, and a retry is safe. */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> busy(RuntimeException lostEveryRace) {
        log.warn("A command lost every attempt to record on a busy case: {}", lostEveryRace.getMessage());
        ProblemDetail problem = Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                ProblemTypes.BUSY,
                "Case busy",
                "the case was being changed by others at the same moment; nothing was recorded. "
                        + "Retrying with the same ids is safe.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }
}
