package dev.appinstances.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.logging.Log;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Where failures become responses: always {@code application/problem+json}, never a stack trace or
 * a class name. Token failures are answered by the auth layer's own mapper.
 */
public class ProblemMapper {

    private final ProblemResponses responses;

    public ProblemMapper(ProblemResponses responses) {
        this.responses = responses;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return responses.respond(
                Problem.of(e.type(), e.getMessage(), uri.getPath()), e.headers(), e.extensions());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return responses.respond(
                Problem.of(
                        ProblemType.ACCESS_DENIED,
                        "The caller may not perform this operation",
                        uri.getPath()));
    }

    /** A body the framework bound itself and could not read. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        var at = e.getLocation();
        return responses.respond(
                Problem.of(
                        ProblemType.MALFORMED_JSON,
                        "The body is not valid JSON for this request"
                                + (at == null
                                        ? ""
                                        : " (line "
                                                + at.getLineNr()
                                                + ", column "
                                                + at.getColumnNr()
                                                + ")"),
                        uri.getPath()));
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        return responses.respond(
                new Problem(
                        type.uri(), type.title(), status, frameworkDetail(status), uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem(problem, uri);
            }
        }
        String errorId = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected failure %s on %s", errorId, uri.getPath());
        return responses.respond(
                Problem.of(
                        ProblemType.INTERNAL_ERROR,
                        "The request failed unexpectedly; reference " + errorId,
                        uri.getPath()));
    }

    private static String frameworkDetail(int status) {
        return switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this resource";
            case 406 ->
                    "No acceptable representation: this resource answers with application/json"
                            + " (errors with application/problem+json)";
            case 413 -> "The request body is too large";
            case 415 -> "This content type is not supported here";
            default -> "The request could not be processed";
        };
    }
}
