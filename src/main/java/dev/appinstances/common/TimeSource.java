package dev.appinstances.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The service's notion of "now", truncated to the microseconds PostgreSQL stores, so that a value
 * returned at creation equals the value read back later.
 */
@ApplicationScoped
public class TimeSource {

    private final Clock clock;

    public TimeSource() {
        this(Clock.systemUTC());
    }

    TimeSource(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
