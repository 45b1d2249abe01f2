package dev.appinstances.data;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Runs the form patches of one instance one after the other within this process, so that concurrent
 * PATCHes of a form each see the one before instead of racing for the row version. No database
 * connection is held while waiting. Across replicas the optimistic version check still decides (and
 * the patch is retried).
 */
@ApplicationScoped
class InstanceWriteQueue {

    private final ConcurrentMap<UUID, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    /** Call on the request's Vert.x context; the work runs there once earlier work has ended. */
    <T> Uni<T> inTurn(UUID instanceId, Supplier<Uni<T>> work) {
        Context context = Vertx.currentContext();
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> before = tails.put(instanceId, mine);
        Uni<Void> turn =
                before == null
                        ? Uni.createFrom().voidItem()
                        : Uni.createFrom()
                                .completionStage(before)
                                .emitOn(command -> context.runOnContext(ignored -> command.run()));
        return turn.chain(ignored -> Uni.createFrom().<T>deferred(work::get))
                .onTermination()
                .invoke(
                        () -> {
                            tails.remove(instanceId, mine);
                            mine.complete(null);
                        });
    }
}
