package dev.appinstances.purge;

import dev.appinstances.common.TimeSource;
import dev.appinstances.instance.InstancePurgeStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The purge policy: how often, from which cutoff and in which batches hard-deleted instances are
 * removed for good ({@link InstancePurgeStore} says which are due). An archived instance waits
 * until both its hard delete and the app owner's complete confirmation are older than the grace
 * period. A run repeats batches until one comes back short; a rerun finds nothing.
 */
@ApplicationScoped
public class InstancePurge {

    private final InstancePurgeStore instances;
    private final TimeSource time;
    private final PurgeSettings settings;
    private final Counter runs;
    private final Counter purged;

    public InstancePurge(
            InstancePurgeStore instances,
            TimeSource time,
            PurgeSettings settings,
            MeterRegistry registry) {
        this.instances = instances;
        this.time = time;
        this.settings = settings;
        this.runs = Counter.builder("app.purge.runs").description("Purge runs").register(registry);
        this.purged =
                Counter.builder("app.purge.instances")
                        .description("Instances permanently removed")
                        .register(registry);
    }

    @Scheduled(
            identity = "instance-purge",
            every = "${purge.interval:1h}",
            delayed = "${purge.initial-delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge().replaceWithVoid();
    }

    /** One run: batches until nothing is left; completes with the number removed. */
    public Uni<Integer> purge() {
        Instant cutoff = time.now().minus(settings.gracePeriod());
        return batchesFrom(cutoff, 0)
                .invoke(
                        count -> {
                            runs.increment();
                            purged.increment(count);
                            if (count > 0) {
                                Log.infof("Purge removed %d hard-deleted instances", count);
                            }
                        });
    }

    private Uni<Integer> batchesFrom(Instant cutoff, int soFar) {
        return instances
                .removeBatch(cutoff, settings.batchSize())
                .chain(
                        count ->
                                count < settings.batchSize()
                                        ? Uni.createFrom().item(soFar + count)
                                        : batchesFrom(cutoff, soFar + count));
    }
}
