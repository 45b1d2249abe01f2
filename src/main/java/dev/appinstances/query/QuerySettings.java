package dev.appinstances.query;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the instance query ({@code query.*}, env {@code QUERY_*}). */
@ConfigMapping(prefix = "query")
public interface QuerySettings {

    /**
     * Secret of the HMAC-SHA256 that signs continuation tokens (at least 32 characters). Every
     * replica must have the same one; changing it invalidates the tokens in circulation.
     */
    String tokenSecret();

    /** Page size when the request gives none. */
    @WithDefault("100")
    int defaultSize();

    /** Largest page size a request may ask for. */
    @WithDefault("1000")
    int maxSize();
}
