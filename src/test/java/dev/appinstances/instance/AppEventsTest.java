package dev.appinstances.instance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appinstances.app.AppSettings;
import dev.appinstances.common.TimeSource;
import io.smallrye.mutiny.Uni;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code app.events.enabled=false} writes nothing; on, each call writes its one event. */
class AppEventsTest {

    /** A config mapping that answers one method. */
    static <T> T answering(Class<T> type, String name, Object value) {
        return type.cast(
                Proxy.newProxyInstance(
                        type.getClassLoader(),
                        new Class<?>[] {type},
                        (proxy, method, args) -> {
                            if (method.getName().equals(name)) {
                                return value;
                            }
                            throw new UnsupportedOperationException(method.getName());
                        }));
    }

    /** Records what would be written. */
    static final class RecordingStore extends AppEventStore {
        final List<String> types = new ArrayList<>();

        @Override
        public Uni<Void> add(UUID instanceId, AppCloudEvents.Built event, Instant created) {
            types.add(event.type());
            return Uni.createFrom().voidItem();
        }
    }

    static InstanceEntity instance() {
        InstanceEntity instance = new InstanceEntity();
        instance.id = UUID.randomUUID();
        instance.partyId = 50001337;
        instance.instanceOwner = new InstanceOwner("50001337", "12247918309", null, null, null);
        return instance;
    }

    static AppEvents events(RecordingStore store, boolean on) {
        AppCloudEvents cloudEvents =
                new AppCloudEvents(
                        null, answering(AppSettings.class, "publicBaseUrl", "http://x")) {
                    @Override
                    public Built of(InstanceEntity instance, String type, Instant time) {
                        return new Built(UUID.randomUUID(), type, "source", "subject", "{}");
                    }
                };
        return new AppEvents(
                store,
                cloudEvents,
                new TimeSource(),
                answering(EventSettings.class, "enabled", on));
    }

    @Test
    void offWritesNothing() {
        RecordingStore store = new RecordingStore();
        AppEvents events = events(store, false);
        InstanceEntity instance = instance();
        events.created(instance).await().indefinitely();
        events.movedTo(instance, "Task_2").await().indefinitely();
        events.completed(instance).await().indefinitely();
        events.substatusChanged(instance).await().indefinitely();
        events.deleted(instance).await().indefinitely();
        assertThat(store.types).isEmpty();
    }

    @Test
    void onWritesOneEventPerChange() {
        RecordingStore store = new RecordingStore();
        AppEvents events = events(store, true);
        InstanceEntity instance = instance();
        events.created(instance).await().indefinitely();
        events.movedTo(instance, "Task_2").await().indefinitely();
        events.completed(instance).await().indefinitely();
        events.substatusChanged(instance).await().indefinitely();
        events.deleted(instance).await().indefinitely();
        assertThat(store.types)
                .containsExactly(
                        "app.instance.created",
                        "app.instance.process.movedTo.Task_2",
                        "app.instance.process.completed",
                        "app.instance.substatus.changed",
                        "app.instance.deleted");
    }

    @Test
    void alternativeSubjectAsAltinnFillsIt() {
        assertThat(
                        AppCloudEvents.alternativeSubject(
                                new InstanceOwner("1", null, "310000001", null, null)))
                .isEqualTo("/org/310000001");
        assertThat(
                        AppCloudEvents.alternativeSubject(
                                new InstanceOwner("1", "12247918309", null, null, null)))
                .isEqualTo("/person/12247918309");
        assertThat(
                        AppCloudEvents.alternativeSubject(
                                new InstanceOwner(
                                        "1",
                                        null,
                                        null,
                                        "kari",
                                        "urn:altinn:person:legacy-selfidentified:kari")))
                .isEqualTo("urn:altinn:person:legacy-selfidentified:kari");
        assertThat(
                        AppCloudEvents.alternativeSubject(
                                new InstanceOwner("1", null, null, null, null)))
                .isNull();
    }
}
