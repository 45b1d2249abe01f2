package dev.appinstances.persistence;

import dev.appinstances.common.Detached;
import dev.appinstances.problem.ConcurrentModificationException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import java.util.function.Supplier;
import org.hibernate.StaleObjectStateException;

/**
 * The one boundary of database work done through repositories. A read runs in a reactive session; a
 * change runs in one transaction that commits when its pipeline succeeds and rolls back when it
 * fails, and is finished even when the client goes away ({@link Detached}). A change that loses an
 * optimistic-locking race fails with {@link ConcurrentModificationException}; work that meets an
 * unavailable database fails with its 503 ({@link DatabaseFailures}).
 */
@ApplicationScoped
public class Transactions {

    /** Runs {@code work} in the request's session (opened if there is none yet). */
    public <T> Uni<T> read(Supplier<Uni<T>> work) {
        return Panache.withSession(work).onFailure().transform(DatabaseFailures::translate);
    }

    /** Runs {@code work} in one transaction, to completion whatever the client does. */
    public <T> Uni<T> change(Supplier<Uni<T>> work) {
        return Detached.<T>run(() -> Panache.withTransaction(work))
                .onFailure(Transactions::lostRace)
                .transform(
                        lost ->
                                new ConcurrentModificationException(
                                        "The instance was changed by another request at the same"
                                                + " time; read it again and retry"))
                .onFailure()
                .transform(DatabaseFailures::translate);
    }

    private static boolean lostRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException
                    || cause instanceof StaleObjectStateException) {
                return true;
            }
        }
        return false;
    }
}
