package dev.appinstances.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code app.idempotency.*} (env {@code APP_IDEMPOTENCY_*}). */
@ConfigMapping(prefix = "app.idempotency")
public interface IdempotencySettings {

    /** How long the first response to a key is replayed; after that the key may be reused. */
    @WithDefault("PT24H")
    Duration window();

    /**
     * How long a claim without a result blocks its key (409): long enough for the slowest upload,
     * short enough that a claim left by a crash does not block a retry for long.
     */
    @WithDefault("PT1H")
    Duration lease();
}
