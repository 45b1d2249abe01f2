package dev.appinstances.common;

import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The service's clock in tests: real time unless a test fixes it. */
@Mock
@ApplicationScoped
public class SettableTimeSource extends TimeSource {

    private volatile Instant fixed;

    public SettableTimeSource() {
        super(Clock.systemUTC());
    }

    @Override
    public Instant now() {
        Instant now = fixed;
        return now != null ? now : super.now();
    }

    public void set(Instant now) {
        fixed = now.truncatedTo(ChronoUnit.MICROS);
    }

    public void reset() {
        fixed = null;
    }
}
