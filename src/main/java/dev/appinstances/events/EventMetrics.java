package dev.appinstances.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code app_events_outbox_depth} (deliveries still to make), {@code
 * app_events_outbox_oldest_age_seconds} (age of the oldest of them), both as last measured by
 * {@link EventHousekeeping}, and {@code app_event_deliveries_total{outcome}} (delivered, failed,
 * given_up: one count per attempt's end).
 */
@ApplicationScoped
public class EventMetrics {

    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";
    static final String GIVEN_UP = "given_up";

    private final MeterRegistry registry;
    private final AtomicReference<DeliveryStore.Backlog> backlog =
            new AtomicReference<>(new DeliveryStore.Backlog(0, 0));

    public EventMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("app.events.outbox.depth", backlog, b -> b.get().depth())
                .description("Event deliveries not yet delivered or given up")
                .register(registry);
        Gauge.builder("app.events.outbox.oldest.age", backlog, b -> b.get().oldestSeconds())
                .baseUnit("seconds")
                .description("Age of the oldest event delivery still to make")
                .register(registry);
    }

    void measured(DeliveryStore.Backlog now) {
        backlog.set(now);
    }

    void attempt(String outcome) {
        registry.counter("app.event.deliveries", "outcome", outcome).increment();
    }
}
