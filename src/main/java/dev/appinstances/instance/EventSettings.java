package dev.appinstances.instance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** App events: the outbox and its delivery ({@code app.events.*}, env {@code APP_EVENTS_*}). */
@ConfigMapping(prefix = "app.events")
public interface EventSettings {

    /** Off: no event is written at all (Altinn's {@code RegisterEventsWithEventsComponent}). */
    @WithDefault("false")
    boolean enabled();

    /** Allows http endpoints and loopback or private addresses (local development only). */
    @WithDefault("false")
    boolean allowInsecureEndpoints();

    /** How often a worker looks for due deliveries. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Most deliveries one worker claims (and sends in parallel) per round. */
    @WithDefault("32")
    int batchSize();

    /** Wait before the first retry; it doubles per attempt up to {@link #maxBackoff}. */
    @WithDefault("PT1S")
    Duration initialBackoff();

    @WithDefault("PT10M")
    Duration maxBackoff();

    /** A delivery still failing this long after its event gives up. */
    @WithDefault("PT24H")
    Duration maxAge();

    /** Connect plus response time allowed for one attempt. */
    @WithDefault("PT10S")
    Duration requestTimeout();

    /** How long a claimed delivery is reserved for its worker (longer than an attempt). */
    @WithDefault("PT1M")
    Duration lease();

    /** How often the backlog gauges are measured. */
    @WithDefault("15s")
    Duration metricsInterval();

    /** How often events past {@link #retention} are removed. */
    @WithDefault("10m")
    Duration cleanupInterval();

    /** Age after which events with nothing left to deliver are removed. */
    @WithDefault("P7D")
    Duration retention();
}
