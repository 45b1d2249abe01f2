package dev.appinstances.instance;

import dev.appinstances.common.TimeSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The app events of instance changes, written to the outbox inside the change's transaction (call
 * these last in it): an event exists exactly when its change committed. With {@code
 * app.events.enabled=false} nothing is written. Types as Altinn's app sends them, plus {@link
 * #DELETED}.
 */
@ApplicationScoped
public class AppEvents {

    public static final String CREATED = "app.instance.created";
    public static final String MOVED_TO = "app.instance.process.movedTo.";
    public static final String COMPLETED = "app.instance.process.completed";
    public static final String SUBSTATUS_CHANGED = "app.instance.substatus.changed";

    /** Ours (Altinn sends none): soft or hard deletion, for consumers that mirror instances. */
    public static final String DELETED = "app.instance.deleted";

    private final AppEventStore store;
    private final AppCloudEvents events;
    private final TimeSource time;
    private final boolean enabled;

    public AppEvents(
            AppEventStore store, AppCloudEvents events, TimeSource time, EventSettings settings) {
        this.store = store;
        this.events = events;
        this.time = time;
        this.enabled = settings.enabled();
    }

    public Uni<Void> created(InstanceEntity instance) {
        return write(instance, CREATED);
    }

    /** The process entered task {@code taskId} (not at instantiation or process/start). */
    public Uni<Void> movedTo(InstanceEntity instance, String taskId) {
        return write(instance, MOVED_TO + taskId);
    }

    public Uni<Void> completed(InstanceEntity instance) {
        return write(instance, COMPLETED);
    }

    public Uni<Void> substatusChanged(InstanceEntity instance) {
        return write(instance, SUBSTATUS_CHANGED);
    }

    public Uni<Void> deleted(InstanceEntity instance) {
        return write(instance, DELETED);
    }

    private Uni<Void> write(InstanceEntity instance, String type) {
        if (!enabled) {
            return Uni.createFrom().voidItem();
        }
        var now = time.now();
        return store.add(instance.id, events.of(instance, type, now), now);
    }
}
