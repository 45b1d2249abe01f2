package dev.appinstances.http;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/** Hands out the bodies of requests under the configured streaming limit. */
@ApplicationScoped
public class RequestBodies {

    private final long maxRequestBytes;

    public RequestBodies(HttpLimits limits) {
        this.maxRequestBytes = limits.maxRequestSize().asLongValue();
    }

    /** The body of a request whose resource method declares no body parameter. */
    public RequestBody of(HttpServerRequest request) {
        return new RequestBody(request, maxRequestBytes);
    }
}
