package dev.appinstances.lifecycle;

import dev.appinstances.app.AppDefinition;
import dev.appinstances.auth.AccessControl;
import dev.appinstances.auth.Caller;
import dev.appinstances.common.InstanceRef;
import dev.appinstances.common.TimeSource;
import dev.appinstances.http.HttpLimits;
import dev.appinstances.http.JsonBodies;
import dev.appinstances.http.MediaTypes;
import dev.appinstances.http.RequestBody;
import dev.appinstances.instance.AppEvents;
import dev.appinstances.instance.CompleteConfirmationEntity;
import dev.appinstances.instance.CompleteConfirmationRepository;
import dev.appinstances.instance.InstanceAccess;
import dev.appinstances.instance.InstanceDocuments;
import dev.appinstances.instance.InstanceETags;
import dev.appinstances.instance.InstanceEntity;
import dev.appinstances.instance.InstanceEvents;
import dev.appinstances.instance.InstanceView;
import dev.appinstances.instance.ReadReceipts;
import dev.appinstances.instance.Substatus;
import dev.appinstances.instance.VersionedInstance;
import dev.appinstances.persistence.Transactions;
import dev.appinstances.problem.DeletionPreventedException;
import dev.appinstances.problem.InstanceNotFoundException;
import dev.appinstances.problem.InvalidRequestException;
import dev.appinstances.problem.UnsupportedContentTypeException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * An instance after creation: read, the active list, substatus, complete, delete and restore. Each
 * change is one transaction on the instance row, which its version guards.
 */
@ApplicationScoped
public class InstanceLifecycleService {

    private final InstanceAccess instances;
    private final CompleteConfirmationRepository confirmations;
    private final AccessControl access;
    private final AppDefinition app;
    private final ActiveInstanceStore activeInstances;
    private final InstanceDocuments documents;
    private final Transactions transactions;
    private final TimeSource time;
    private final ReadReceipts readReceipts;
    private final JsonBodies json;
    private final InstanceEvents events;
    private final AppEvents appEvents;
    private final long maxJsonBodySize;

    @SuppressWarnings("java:S107") // constructor injection
    public InstanceLifecycleService(
            InstanceAccess instances,
            CompleteConfirmationRepository confirmations,
            AccessControl access,
            AppDefinition app,
            ActiveInstanceStore activeInstances,
            InstanceDocuments documents,
            Transactions transactions,
            TimeSource time,
            JsonBodies json,
            HttpLimits limits,
            ReadReceipts readReceipts,
            InstanceEvents events,
            AppEvents appEvents) {
        this.events = events;
        this.appEvents = appEvents;
        this.readReceipts = readReceipts;
        this.instances = instances;
        this.confirmations = confirmations;
        this.access = access;
        this.app = app;
        this.activeInstances = activeInstances;
        this.documents = documents;
        this.transactions = transactions;
        this.time = time;
        this.json = json;
        this.maxJsonBodySize = limits.maxJsonBodySize().asLongValue();
    }

    /** The instance document, as the App API answers it to this caller, with its entity tag. */
    public Uni<VersionedInstance> get(Caller caller, InstanceRef ref) {
        return stored(caller, ref)
                .map(
                        found ->
                                new VersionedInstance(
                                        documents.forCaller(found.document(), caller),
                                        found.etag()));
    }

    /**
     * The instance document as stored (Storage's view), with its entity tag. Reading it is one
     * statement; marking it read, when due, its own transaction.
     */
    public Uni<VersionedInstance> stored(Caller caller, InstanceRef ref) {
        return instances
                .readable(caller, ref)
                .call(stored -> readReceipts.readBy(caller, stored.instance()))
                .map(
                        stored ->
                                new VersionedInstance(
                                        documents.of(stored), InstanceETags.of(stored.instance())));
    }

    /** The party's live instances of this app, newest change first, with display names. */
    /** Once the caller may read the party's instances, the list as it is read. */
    public Uni<Multi<SimpleInstance>> active(Caller caller, long partyId) {
        return transactions
                .read(() -> access.requireReadAccess(caller, partyId))
                .map(ignored -> activeInstances.active(app.appId(), partyId));
    }

    /** The body is the new substatus, {@code {"label": ..., "description": ...}}. */
    public Uni<InstanceView> setSubstatus(
            Caller caller, InstanceRef ref, RequestBody body, String ifMatch) {
        access.requireAppOwner(caller, "set the substatus");
        access.requireScope(caller, AccessControl.WRITE_SCOPE);
        return body.readAll(maxJsonBodySize)
                .map(bytes -> substatus(body.contentType(), bytes))
                .chain(substatus -> setSubstatus(caller, ref, substatus, ifMatch));
    }

    private Substatus substatus(String contentType, byte[] body) {
        if (!MediaTypes.isJson(contentType)) {
            throw new UnsupportedContentTypeException(
                    "The substatus must be sent as application/json");
        }
        Substatus substatus = json.object(body, Substatus.class, "The substatus");
        if (substatus.label() == null || substatus.label().isBlank()) {
            throw new InvalidRequestException("The substatus must have a label");
        }
        return substatus;
    }

    private Uni<InstanceView> setSubstatus(
            Caller caller, InstanceRef ref, Substatus substatus, String ifMatch) {
        return change(
                caller,
                ref,
                ifMatch,
                instance -> {
                    Instant now = time.now();
                    instance.substatus = substatus;
                    instance.touch(now, caller.actorId());
                    return events.substatusUpdated(caller, instance, now)
                            .chain(() -> appEvents.substatusChanged(instance));
                });
    }

    /** Adds the app owner's confirmation once; asking again changes nothing. */
    public Uni<InstanceView> complete(Caller caller, InstanceRef ref, String ifMatch) {
        access.requireAppOwner(caller, "confirm an instance complete");
        return change(caller, ref, ifMatch, instance -> confirm(instance, caller));
    }

    public Uni<InstanceView> delete(Caller caller, InstanceRef ref, boolean hard, String ifMatch) {
        return change(
                caller,
                ref,
                ifMatch,
                instance -> {
                    Instant now = time.now();
                    requireDeletable(instance, now);
                    if (hard) {
                        instance.hardDeleted = now;
                        instance.softDeleted =
                                instance.softDeleted != null ? instance.softDeleted : now;
                    } else {
                        instance.softDeleted = now;
                    }
                    instance.touch(now, caller.actorId());
                    return events.deleted(caller, instance, now)
                            .chain(() -> appEvents.deleted(instance));
                });
    }

    /** Takes a soft-deleted instance out of the recycle bin. */
    public Uni<InstanceView> undelete(Caller caller, InstanceRef ref, String ifMatch) {
        return change(
                caller,
                ref,
                ifMatch,
                instance -> {
                    if (instance.hardDeleted != null) {
                        throw new InstanceNotFoundException(
                                "Instance was permanently deleted and cannot be restored");
                    }
                    if (instance.softDeleted == null) {
                        return Uni.createFrom().voidItem();
                    }
                    Instant now = time.now();
                    instance.softDeleted = null;
                    instance.touch(now, caller.actorId());
                    return events.undeleted(caller, instance, now);
                });
    }

    /** One transaction: the changeable instance, the change, the document as it now stands. */
    private Uni<InstanceView> change(
            Caller caller,
            InstanceRef ref,
            String ifMatch,
            Function<InstanceEntity, Uni<?>> change) {
        return transactions
                .change(
                        () ->
                                instances
                                        .changeable(caller, ref, ifMatch)
                                        .call(change)
                                        .chain(documents::of))
                .map(document -> documents.forCaller(document, caller));
    }

    private Uni<Void> confirm(InstanceEntity instance, Caller caller) {
        return confirmations
                .find(instance.id, caller.org())
                .chain(
                        existing -> {
                            if (existing != null) {
                                return Uni.createFrom().voidItem();
                            }
                            Instant now = time.now();
                            instance.touch(now, caller.actorId());
                            return confirmations
                                    .persist(
                                            CompleteConfirmationEntity.of(
                                                    instance.id, caller.org(), now))
                                    .chain(() -> events.confirmedComplete(caller, instance, now));
                        });
    }

    /** {@code preventInstanceDeletionForDays} protects archived instances for a while. */
    private void requireDeletable(InstanceEntity instance, Instant now) {
        Integer days = app.metadata().preventInstanceDeletionForDays;
        if (instance.archived != null
                && days != null
                && now.isBefore(instance.archived.plus(Duration.ofDays(days)))) {
            throw new DeletionPreventedException(
                    "Instance cannot be deleted yet: "
                            + app.appId()
                            + " keeps archived instances for "
                            + days
                            + " days, until "
                            + instance.archived.plus(Duration.ofDays(days)));
        }
    }
}
