package dev.appinstances.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on request bodies ({@code app.limits.*}, env {@code APP_LIMITS_*}). */
@ConfigMapping(prefix = "app.limits")
public interface HttpLimits {

    /** Largest JSON request body (also the largest {@code instance} part of a multipart). */
    @WithDefault("256K")
    MemorySize maxJsonBodySize();

    /** Largest streamed request body (multipart create, data element upload). */
    @WithDefault("2G")
    MemorySize maxRequestSize();

    /** Most parts a multipart body may have. */
    @WithDefault("100")
    int maxParts();

    /** Largest header block of one multipart part. */
    @WithDefault("16K")
    MemorySize maxPartHeaderSize();

    /**
     * Longest request target (path and query) answered with 414 problem+json; the HTTP layer's own
     * line limit ({@code quarkus.http.limits.max-initial-line-length}) is set higher.
     */
    @WithDefault("8K")
    MemorySize maxUriLength();

    /**
     * Largest request header block (names and values) answered with 431 problem+json; the HTTP
     * layer's own limit ({@code quarkus.http.limits.max-header-size}) is set higher.
     */
    @WithDefault("20K")
    MemorySize maxHeaderSize();
}
