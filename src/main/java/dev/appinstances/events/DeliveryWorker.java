package dev.appinstances.events;

import dev.appinstances.instance.EventSettings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * One delivery round: claim the due deliveries, send them in parallel, record each outcome. A
 * failed attempt is due again after an exponential backoff with jitter (half fixed, half random),
 * until {@code app.events.max-age} after its event, when it gives up. Every replica runs rounds;
 * the claim keeps them apart.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final DeliveryStore store;
    private final WebhookSender sender;
    private final EventMetrics metrics;
    private final EventSettings settings;

    public DeliveryWorker(
            DeliveryStore store,
            WebhookSender sender,
            EventMetrics metrics,
            EventSettings settings) {
        this.store = store;
        this.sender = sender;
        this.metrics = metrics;
        this.settings = settings;
    }

    /** Delivers what is due now; completes with how many deliveries it attempted. */
    public Uni<Integer> deliverDue() {
        return store.claim(settings.batchSize(), settings.lease())
                .chain(
                        claimed ->
                                claimed.isEmpty()
                                        ? Uni.createFrom().item(0)
                                        : attemptAll(claimed).replaceWith(claimed.size()));
    }

    private Uni<Void> attemptAll(List<DeliveryStore.Claimed> claimed) {
        return Uni.join()
                .all(claimed.stream().map(this::attempt).toList())
                .andCollectFailures()
                .replaceWithVoid();
    }

    private Uni<Void> attempt(DeliveryStore.Claimed delivery) {
        return sender.send(delivery).chain(outcome -> record(delivery, outcome));
    }

    private Uni<Void> record(DeliveryStore.Claimed delivery, WebhookSender.Outcome outcome) {
        if (outcome.succeeded()) {
            return store.delivered(delivery.id(), outcome.status())
                    .invoke(() -> metrics.attempt(EventMetrics.DELIVERED));
        }
        return store.failed(
                        delivery.id(),
                        backoff(delivery.attempt()),
                        settings.maxAge(),
                        outcome.status(),
                        outcome.error())
                .invoke(
                        gaveUp -> {
                            metrics.attempt(gaveUp ? EventMetrics.GIVEN_UP : EventMetrics.FAILED);
                            if (gaveUp) {
                                LOG.warnf(
                                        "Gave up delivering event %s after %d attempts: %s",
                                        delivery.eventId(), delivery.attempt(), outcome.error());
                            }
                        })
                .replaceWithVoid();
    }

    /** Before attempt {@code attempt + 1}: initial x 2^(attempt-1), capped, half of it random. */
    Duration backoff(int attempt) {
        return backoff(attempt, settings.initialBackoff(), settings.maxBackoff());
    }

    static Duration backoff(int attempt, Duration initial, Duration max) {
        long full = initial.toMillis() << Math.min(Math.max(attempt - 1, 0), 30);
        long capped = Math.min(full <= 0 ? max.toMillis() : full, max.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
