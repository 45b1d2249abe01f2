package dev.appinstances.http;

import dev.appinstances.problem.InvalidRequestException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a malformed {@code Content-Type} or {@code Accept} before anything else reads it (the
 * framework's own parser would fail with an internal error while choosing a resource method).
 */
public class HeaderSyntax {

    @ServerRequestFilter(preMatching = true)
    public void requireWellFormedMediaTypes(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !MediaTypes.isMediaType(contentType)) {
            throw new InvalidRequestException(
                    "The Content-Type header is not one media type (RFC 9110 section 8.3), e.g."
                            + " application/json; was '"
                            + printable(contentType)
                            + "'");
        }
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && !MediaTypes.isAcceptList(accept)) {
            throw new InvalidRequestException(
                    "The Accept header is not a list of media ranges (RFC 9110 section 12.5.1),"
                            + " e.g. application/json; was '"
                            + printable(accept)
                            + "'");
        }
    }

    /** The header as it came, shortened and with control characters shown as '?'. */
    static String printable(String header) {
        String shown = header.length() > 100 ? header.substring(0, 100) + "..." : header;
        return shown.replaceAll("[\\p{Cntrl}]", "?");
    }
}
