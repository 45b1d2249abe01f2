package dev.appinstances.instance;

import dev.appinstances.auth.Caller;
import dev.appinstances.persistence.Transactions;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * {@code status.readStatus} and the elements' {@code isRead} as Altinn keeps them: whoever reads an
 * instance or its data, other than the app owner, makes it Read (and a downloaded element read); an
 * element the app owner adds is unread and makes a Read instance UpdatedSinceLastReview; an element
 * the app owner overwrites is unread, and a Read instance with no other read element becomes
 * Unread; so does one whose elements are all unread when one is deleted. Marking read is best
 * effort: a failure is logged, never answered.
 */
@ApplicationScoped
public class ReadReceipts {

    private final InstanceRepository instances;
    private final DataElementRepository elements;
    private final Transactions transactions;

    public ReadReceipts(
            InstanceRepository instances,
            DataElementRepository elements,
            Transactions transactions) {
        this.instances = instances;
        this.elements = elements;
        this.transactions = transactions;
    }

    /** After a read by the caller; the answer still shows the status the instance had. */
    public Uni<Void> readBy(Caller caller, InstanceEntity instance) {
        return readBy(caller, instance, null);
    }

    /** After a download of the element by the caller: the instance and the element are read. */
    public Uni<Void> readBy(Caller caller, InstanceEntity instance, DataElementEntity element) {
        boolean instanceRead = instance.readStatus == ReadStatus.READ.code();
        boolean elementRead = element == null || element.isRead;
        if (caller.isAppOwner() || (instanceRead && elementRead)) {
            return Uni.createFrom().voidItem();
        }
        return transactions
                .change(
                        () ->
                                instances
                                        .markRead(instance.id)
                                        .chain(
                                                () ->
                                                        elementRead
                                                                ? Uni.createFrom().item(0)
                                                                : elements.markRead(element.id)))
                .onFailure()
                .invoke(
                        failure ->
                                Log.warnf(failure, "Could not mark instance %s read", instance.id))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Inside the transaction that adds the elements. */
    public static void elementsAddedBy(
            Caller caller, InstanceEntity instance, List<DataElementEntity> added) {
        if (!caller.isAppOwner()) {
            return;
        }
        added.forEach(element -> element.isRead = false);
        if (instance.readStatus == ReadStatus.READ.code()) {
            instance.readStatus = (short) ReadStatus.UPDATED_SINCE_LAST_REVIEW.code();
        }
    }

    /** Inside the transaction that replaces the element's content. */
    public Uni<Void> elementReplacedBy(
            Caller caller, InstanceEntity instance, DataElementEntity element) {
        if (!caller.isAppOwner()) {
            return Uni.createFrom().voidItem();
        }
        element.isRead = false;
        return unreadUnlessAnyRead(instance, element.id);
    }

    /** Inside the transaction that deletes the element, before it is deleted. */
    public Uni<Void> elementDeleted(InstanceEntity instance) {
        return unreadUnlessAnyRead(instance, null);
    }

    private Uni<Void> unreadUnlessAnyRead(InstanceEntity instance, UUID except) {
        if (instance.readStatus != ReadStatus.READ.code()) {
            return Uni.createFrom().voidItem();
        }
        return elements.anyReadExcept(instance.id, except)
                .invoke(
                        anyRead -> {
                            if (!anyRead) {
                                instance.readStatus = (short) ReadStatus.UNREAD.code();
                            }
                        })
                .replaceWithVoid();
    }
}
