package dev.appinstances.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the instance event log listing ({@code events.*}, env {@code EVENTS_*}). */
@ConfigMapping(prefix = "events")
public interface EventLogSettings {

    /**
     * Secret of the HMAC-SHA256 that signs continuation tokens (at least 32 characters); by default
     * the query's ({@code query.token-secret}).
     */
    String tokenSecret();

    /** Page size of the App path's listing when the request gives none. */
    @WithDefault("100")
    int defaultSize();

    /** Largest page size; also the Storage path's page size when the request gives none. */
    @WithDefault("1000")
    int maxSize();
}
