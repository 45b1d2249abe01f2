package dev.appinstances.instance;

import dev.appinstances.auth.Caller;
import dev.appinstances.persistence.Transactions;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code status.readStatus} as Altinn keeps it: whoever reads an instance or its data, other than
 * the app owner, makes it Read; an element the app owner adds makes a Read instance
 * UpdatedSinceLastReview. Marking read is best effort: a failure is logged, never answered.
 */
@ApplicationScoped
public class ReadReceipts {

    private final InstanceRepository instances;
    private final Transactions transactions;

    public ReadReceipts(InstanceRepository instances, Transactions transactions) {
        this.instances = instances;
        this.transactions = transactions;
    }

    /** After a read by the caller; the answer still shows the status the instance had. */
    public Uni<Void> readBy(Caller caller, InstanceEntity instance) {
        if (caller.isAppOwner() || instance.readStatus == ReadStatus.READ.code()) {
            return Uni.createFrom().voidItem();
        }
        return transactions
                .change(() -> instances.markRead(instance.id))
                .onFailure()
                .invoke(
                        failure ->
                                Log.warnf(failure, "Could not mark instance %s read", instance.id))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Inside the transaction that adds an element. */
    public static void elementAddedBy(Caller caller, InstanceEntity instance) {
        if (caller.isAppOwner() && instance.readStatus == ReadStatus.READ.code()) {
            instance.readStatus = (short) ReadStatus.UPDATED_SINCE_LAST_REVIEW.code();
        }
    }
}
