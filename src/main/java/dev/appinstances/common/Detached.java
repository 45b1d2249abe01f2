package dev.appinstances.common;

import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * Runs a change to completion even when the client goes away. Quarkus cancels a request's pipeline
 * when its connection closes; cancelling a reactive transaction mid-flight makes Hibernate Reactive
 * close a connection with a live transaction and touch the session from the closing side. A change
 * that has started is therefore finished (committed or rolled back as its own outcome decides) and
 * only its answer is dropped.
 */
public final class Detached {

    private Detached() {}

    public static <T> Uni<T> run(Supplier<Uni<? extends T>> work) {
        return Uni.createFrom()
                .emitter(
                        emitter ->
                                Uni.createFrom()
                                        .<T>deferred(work)
                                        .subscribe()
                                        .with(emitter::complete, emitter::fail));
    }
}
