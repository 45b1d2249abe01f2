package dev.appinstances.auth;

import dev.appinstances.problem.Problem;
import dev.appinstances.problem.ProblemResponses;
import dev.appinstances.problem.ProblemType;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 answers that say why (RFC 6750): {@code WWW-Authenticate: Bearer error="invalid_token",
 * error_description="..."} and the same reason as the problem's detail. Each refusal is logged at
 * DEBUG.
 */
public class TokenProblems {

    private static final String REALM = "Bearer realm=\"app-instances\"";

    private final ProblemResponses responses;

    public TokenProblems(ProblemResponses responses) {
        this.responses = responses;
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        TokenRefusal refusal =
                TokenRefusal.of(e, headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        Log.debugf("Token refused on %s: %s", uri.getPath(), refusal.description());
        String challenge =
                refusal == TokenRefusal.MISSING
                        ? REALM
                        : REALM
                                + ", error=\"invalid_token\", error_description=\""
                                + refusal.description()
                                + "\"";
        return responses.respond(
                Problem.of(ProblemType.UNAUTHENTICATED, refusal.detail(), uri.getPath()),
                Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge));
    }
}
