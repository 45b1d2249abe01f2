package dev.appinstances.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become responses: always {@code application/problem+json}, never a
 * stack trace or a class name.
 */
public class ProblemMapper {

    private final ObjectMapper json;
    private final MeterRegistry registry;

    public ProblemMapper(ObjectMapper json, MeterRegistry registry) {
        this.json = json;
        this.registry = registry;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(Problem.of(e.type(), e.getMessage(), uri.getPath()));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        var problem =
                Problem.of(
                        ProblemType.UNAUTHENTICATED,
                        "A valid bearer token (Authorization header or AltinnStudioRuntime cookie)"
                                + " is required",
                        uri.getPath());
        return Response.fromResponse(respond(problem))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(
                Problem.of(
                        ProblemType.ACCESS_DENIED,
                        "The caller may not perform this operation",
                        uri.getPath()));
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        return respond(
                new Problem(
                        type.uri(), type.title(), status, frameworkDetail(status), uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected failure %s on %s", errorId, uri.getPath());
        return respond(
                Problem.of(
                        ProblemType.INTERNAL_ERROR,
                        "The request failed unexpectedly; reference " + errorId,
                        uri.getPath()));
    }

    private static String frameworkDetail(int status) {
        return switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "No acceptable representation";
            case 413 -> "The request body is too large";
            case 415 -> "This content type is not supported here";
            default -> "The request could not be processed";
        };
    }

    private Response respond(Problem problem) {
        registry.counter(
                        "app.requests.rejected",
                        "type",
                        problem.type().substring(ProblemType.URI_PREFIX.length()),
                        "status",
                        String.valueOf(problem.status()))
                .increment();
        try {
            return Response.status(problem.status())
                    .type(Problem.MEDIA_TYPE)
                    .entity(json.writeValueAsString(problem))
                    .build();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
