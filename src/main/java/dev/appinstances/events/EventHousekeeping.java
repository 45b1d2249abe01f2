package dev.appinstances.events;

import dev.appinstances.instance.EventSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The schedules of the outbox: delivery rounds every {@code app.events.poll-interval} (another
 * round at once while rounds come back full; only where events are enabled), the backlog gauges
 * every {@code app.events.metrics-interval}, and removal of old, finished events every {@code
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
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    public EventHousekeeping(
            DeliveryWorker worker,
            DeliveryStore store,
            EventMetrics metrics,
            EventSettings settings,
            Vertx vertx) {
        this.vertx = vertx;
        this.worker = worker;
        this.store = store;
        this.metrics = metrics;
        this.settings = settings;
    }

    /**
     * A Vert.x timer rather than {@code @Scheduled}, whose ticks are whole seconds: the poll
     * interval is the floor of delivery latency. A tick while a round runs is skipped. A replica
     * with {@code app.events.enabled=false} delivers nothing either, so that replicas configured
     * differently (say, without insecure endpoints) do not fail each other's deliveries.
     */
    void start(@Observes StartupEvent startup) {
        if (settings.enabled()) {
            timer = vertx.setPeriodic(settings.pollInterval().toMillis(), tick -> tick());
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void tick() {
        if (running.compareAndSet(false, true)) {
            deliver().subscribe().with(done -> running.set(false), failure -> running.set(false));
        }
    }

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
