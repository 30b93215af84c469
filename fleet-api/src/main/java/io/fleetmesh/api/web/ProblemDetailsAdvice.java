package io.fleetmesh.api.web;

import io.fleetmesh.api.refusals.Conflict;
import io.fleetmesh.api.refusals.InvalidInput;
import io.fleetmesh.api.refusals.NotAllowed;
import io.fleetmesh.api.refusals.NotFound;
import io.fleetmesh.api.refusals.Refusal;
import io.fleetmesh.api.refusals.TooLarge;
import io.fleetmesh.api.refusals.Unavailable;
import io.fleetmesh.api.refusals.Unprocessable;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error is an RFC 9457 problem detail. Details are written for the client; exception messages, SQL and
 * stack traces stay in the log.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final Map<Class<?>, HttpStatus> REFUSALS = Map.of(NotFound.class, HttpStatus.NOT_FOUND,
            Conflict.class, HttpStatus.CONFLICT, InvalidInput.class, HttpStatus.BAD_REQUEST,
            Unprocessable.class, HttpStatus.UNPROCESSABLE_CONTENT, NotAllowed.class, HttpStatus.FORBIDDEN,
            TooLarge.class, HttpStatus.CONTENT_TOO_LARGE, Unavailable.class, HttpStatus.SERVICE_UNAVAILABLE);
    // also the OpenAPI document's examples (ErrorResponseDocumentation)
    static final String INVALID = "Invalid request";
    static final String MALFORMED_BODY = "The request body is missing or is not well-formed JSON of the expected shape.";
    static final String WRONG_TYPE = "A request parameter has the wrong type.";
    static final String UNREADABLE_QUERY = "The query string cannot be read: each parameter must be percent-encoded"
            + " UTF-8, and there must not be too many.";

    /** The domain's refusals, each kind with its status; a feature's own subclass keeps its kind's. */
    @ExceptionHandler(Refusal.class)
    ProblemDetail refused(Refusal refusal) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(statusOf(refusal.getClass()), refusal.detail());
        if (refusal.title() != null) {
            problem.setTitle(refusal.title());
        }
        refusal.properties().forEach(problem::setProperty);
        return problem;
    }

    private static HttpStatus statusOf(Class<?> kind) {
        return REFUSALS.containsKey(kind) ? REFUSALS.get(kind) : statusOf(kind.getSuperclass());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::fieldError).toList();
        return badRequest("The request body is not valid.", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> Map.of("field", result.getMethodParameter().getParameterName(),
                                "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        return badRequest("A request parameter is not valid.", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return badRequest(MALFORMED_BODY, List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return badRequest(WRONG_TYPE,
                List.of(Map.of("field", ex.getName(), "message", "has the wrong type")));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        List<Map<String, String>> errors = ex.getConstraintViolations().stream()
                .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage())).toList();
        return badRequest("A request parameter is not valid.", errors);
    }

    /**
     * Tomcat parses the query string (or a form body) only when a parameter is first read, and then throws for
     * percent-encoded bytes that are not UTF-8, or for too many parameters: the client's error, with Tomcat's status.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> invalidParameters(InvalidParameterException ex) {
        HttpStatus status = HttpStatus.resolve(ex.getErrorCode());
        if (status == null || !status.is4xxClientError()) {
            status = HttpStatus.BAD_REQUEST;
        }
        return ResponseEntity.status(status).body(problem(status, INVALID, UNREADABLE_QUERY));
    }

    /**
     * Spring Security's firewall checks a form body's parameter names only when a handler first reads them (a JSON
     * endpoint sent a form does): the client's error, like the firewall's refusals before the handler.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejectedParameters(RequestRejectedException ex) {
        return badRequest("The request has a parameter name the server does not accept.", List.of());
    }

    @ExceptionHandler({DataIntegrityViolationException.class, OptimisticLockingFailureException.class})
    ProblemDetail conflict(RuntimeException ex) {
        if (isDataException(ex)) {
            log.info("request value refused by the database: {}", ex.toString());
            return problem(HttpStatus.BAD_REQUEST, INVALID,
                    "A value in the request cannot be stored or searched for, e.g. text with a NUL character.");
        }
        log.info("request conflicted with stored data: {}", ex.toString());
        return problem(HttpStatus.CONFLICT, "Conflict", ProblemDocs.RELOAD_AND_RETRY);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception ex) {
        log.error("request failed", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The server could not complete the request.");
    }

    /**
     * PostgreSQL's SQLSTATE class 22, "data exception": the value itself is refused (a NUL in text, a number out
     * of range), which Spring also reports as a DataIntegrityViolationException. Not a conflict: the client's input.
     */
    private static boolean isDataException(RuntimeException ex) {
        return NestedExceptionUtils.getMostSpecificCause(ex) instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith("22");
    }

    private static ResponseEntity<Object> badRequest(String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, INVALID, detail);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
    }
}
