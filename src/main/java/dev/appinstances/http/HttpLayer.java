package dev.appinstances.http;

import dev.appinstances.problem.MalformedRequestTargetException;
import dev.appinstances.problem.Problem;
import dev.appinstances.problem.ProblemException;
import dev.appinstances.problem.ProblemResponses;
import dev.appinstances.problem.ProblemType;
import dev.appinstances.problem.RequestTooLargeException;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The HTTP layer's own answers, made like every other: a request that fails before or outside a
 * resource (no Host header, a request target or header block over the limits) gets problem+json,
 * counted as a refusal; and no response is framed twice ({@code Content-Length} and {@code
 * Transfer-Encoding: chunked} together, which strict clients and proxies refuse). A request target
 * that is not a URI is refused here, with a body, before anything decodes its path.
 */
@ApplicationScoped
public class HttpLayer {

    private static final List<Integer> ANSWERED = List.of(400, 404, 405, 413, 414, 431, 500, 503);

    private final ProblemResponses responses;
    private final long maxUriLength;
    private final long maxHeaderSize;

    public HttpLayer(ProblemResponses responses, HttpLimits limits) {
        this.responses = responses;
        this.maxUriLength = limits.maxUriLength().asLongValue();
        this.maxHeaderSize = limits.maxHeaderSize().asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::guard);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
        for (int status : ANSWERED) {
            router.errorHandler(status, this::failed);
        }
    }

    /** The management interface has its own router; it gets the request-target check alone. */
    void install(@Observes ManagementInterface management) {
        management.router().route().order(Integer.MIN_VALUE).handler(this::requireUri);
    }

    private void requireUri(RoutingContext context) {
        if (!refusedTarget(context)) {
            context.next();
        }
    }

    /** Answers a request whose target is not a URI; true when it did. */
    private boolean refusedTarget(RoutingContext context) {
        Optional<String> notAUri = RequestTargets.defect(context.request().uri());
        notAUri.ifPresent(defect -> answer(context, new MalformedRequestTargetException(defect)));
        return notAUri.isPresent();
    }

    private void guard(RoutingContext context) {
        String uri = context.request().uri();
        if (uri != null && uri.length() > maxUriLength) {
            answer(
                    context,
                    new RequestTooLargeException(
                            ProblemType.URI_TOO_LONG,
                            "The request target is longer than " + maxUriLength + " characters"));
            return;
        }
        if (refusedTarget(context)) {
            return;
        }
        if (headerBytes(context) > maxHeaderSize) {
            answer(
                    context,
                    new RequestTooLargeException(
                            ProblemType.HEADERS_TOO_LARGE,
                            "The request headers are larger than " + maxHeaderSize + " bytes"));
            return;
        }
        HttpServerResponse response = context.response();
        context.addHeadersEndHandler(ignored -> frameOnce(response));
        context.next();
    }

    /** A known length wins over chunking: the body is sent as it is, with its length. */
    private static void frameOnce(HttpServerResponse response) {
        if (response.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            response.headers().remove(HttpHeaders.TRANSFER_ENCODING);
        }
    }

    private static long headerBytes(RoutingContext context) {
        long bytes = 0;
        for (Map.Entry<String, String> header : context.request().headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    private void failed(RoutingContext context) {
        if (context.response().ended() || context.response().headWritten()) {
            return;
        }
        Throwable failure = context.failure();
        if (failure instanceof ProblemException problem) {
            answer(context, problem);
            return;
        }
        int status = context.statusCode() > 0 ? context.statusCode() : 500;
        ProblemType type = ProblemType.forStatus(status);
        String detail;
        if (status >= 500) {
            String errorId = UUID.randomUUID().toString();
            Log.errorf(failure, "Unexpected failure %s on %s", errorId, context.request().path());
            detail = "The request failed unexpectedly; reference " + errorId;
        } else {
            detail = detail(status);
        }
        write(
                context,
                new Problem(type.uri(), type.title(), status, detail, path(context)),
                Map.of());
    }

    private void answer(RoutingContext context, ProblemException problem) {
        write(
                context,
                Problem.of(problem.type(), problem.getMessage(), path(context)),
                problem.headers());
    }

    private void write(RoutingContext context, Problem problem, Map<String, String> headers) {
        HttpServerResponse response = context.response();
        response.setStatusCode(problem.status());
        response.putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.forEach(response::putHeader);
        if (!context.request().isEnded()) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(responses.body(problem));
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed (for example it has no Host header)";
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this resource";
            case 413 -> "The request body is too large";
            default -> "The request could not be processed";
        };
    }

    private static String path(RoutingContext context) {
        String path = context.request().path();
        return path == null || path.length() > 200 ? null : path;
    }
}
