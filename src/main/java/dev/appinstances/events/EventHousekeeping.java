package dev.appinstances.events;

import dev.appinstances.instance.EventSettings;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The schedules of the outbox: delivery rounds every {@code app.events.poll-interval} (another
 * round at once while rounds come back full), the backlog gauges every {@code
 * app.events.metrics-interval}, and removal of old, finished events every {@code
 * app.events.cleanup-interval}.
 */
@ApplicationScoped
public class EventHousekeeping {

    private static final Logger LOG = Logger.getLogger(EventHousekeeping.class);

    /** Full rounds in a row before waiting for the next tick. */
    static final int MAX_ROUNDS = 20;

    private final DeliveryWorker worker;
    private final DeliveryStore store;
    private final EventMetrics metrics;
    private final EventSettings settings;

    public EventHousekeeping(
            DeliveryWorker worker,
            DeliveryStore store,
            EventMetrics metrics,
            EventSettings settings) {
        this.worker = worker;
        this.store = store;
        this.metrics = metrics;
        this.settings = settings;
    }

    @Scheduled(
            identity = "app-events-delivery",
            every = "${app.events.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deliver() {
        return rounds(0)
                .onFailure()
                .recoverWithItem(
                        failure -> {
                            LOG.warnf("Event delivery round failed: %s", failure.getMessage());
                            return null;
                        });
    }

    private Uni<Void> rounds(int done) {
        return worker.deliverDue()
                .chain(
                        attempted ->
                                attempted >= settings.batchSize() && done + 1 < MAX_ROUNDS
                                        ? rounds(done + 1)
                                        : Uni.createFrom().voidItem());
    }

    @Scheduled(
            identity = "app-events-metrics",
            every = "${app.events.metrics-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> measure() {
        return store.backlog()
                .invoke(metrics::measured)
                .replaceWithVoid()
                .onFailure()
                .recoverWithNull();
    }

    @Scheduled(
            identity = "app-events-cleanup",
            every = "${app.events.cleanup-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> cleanup() {
        return store.expire(settings.retention()).replaceWithVoid().onFailure().recoverWithNull();
    }
}
