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
}
