package dev.appinstances.instance;

import dev.appinstances.appmetadata.AppDefinition;
import dev.appinstances.auth.AccessControl;
import dev.appinstances.auth.Caller;
import dev.appinstances.common.TimeSource;
import dev.appinstances.problem.DeletionPreventedException;
import dev.appinstances.problem.InstanceNotFoundException;
import dev.appinstances.problem.InvalidRequestException;
import dev.appinstances.register.Register;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** What happens to an instance after creation: listing, substatus, complete, delete, restore. */
@ApplicationScoped
public class InstanceLifecycleService {

    private final InstanceService instances;
    private final InstanceRepository repository;
    private final AccessControl access;
    private final AppDefinition app;
    private final Register register;
    private final InstanceDocuments documents;
    private final TimeSource time;

    public InstanceLifecycleService(
            InstanceService instances,
            InstanceRepository repository,
            AccessControl access,
            AppDefinition app,
            Register register,
            InstanceDocuments documents,
            TimeSource time) {
        this.instances = instances;
        this.repository = repository;
        this.access = access;
        this.app = app;
        this.register = register;
        this.documents = documents;
        this.time = time;
    }

    /** The party's live instances of this app, newest change first, with display names. */
    @WithSession
    public Uni<List<SimpleInstance>> active(Caller caller, long partyId) {
        access.requireAuthenticationLevel(caller);
        return access.requireActFor(caller, partyId)
                .chain(
                        () ->
                                repository.list(
                                        "appId = ?1 and partyId = ?2 and archived is null"
                                                + " and softDeleted is null and hardDeleted is null"
                                                + " order by lastChanged desc, id",
                                        app.appId(),
                                        partyId))
                .chain(this::withDisplayNames);
    }

    @WithTransaction
    public Uni<InstanceView> setSubstatus(
            Caller caller, long partyId, UUID instanceGuid, Substatus substatus, String ifMatch) {
        access.requireAppOwner(caller, "set the substatus");
        if (substatus == null || substatus.label() == null || substatus.label().isBlank()) {
            throw new InvalidRequestException("The substatus must have a label");
        }
        return instances
                .changeableInstance(caller, partyId, instanceGuid, ifMatch)
                .invoke(
                        instance -> {
                            instance.substatus = substatus;
                            instance.touch(time.now(), caller.actorId());
                        })
                .chain(documents::of);
    }

    /** Adds the app owner's confirmation once; asking again changes nothing. */
    @WithTransaction
    public Uni<InstanceView> complete(
            Caller caller, long partyId, UUID instanceGuid, String ifMatch) {
        access.requireAppOwner(caller, "confirm an instance complete");
        return instances
                .changeableInstance(caller, partyId, instanceGuid, ifMatch)
                .call(instance -> confirm(instance, caller))
                .chain(documents::of);
    }

    @WithTransaction
    public Uni<InstanceView> delete(
            Caller caller, long partyId, UUID instanceGuid, boolean hard, String ifMatch) {
        return instances
                .changeableInstance(caller, partyId, instanceGuid, ifMatch)
                .invoke(
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
                        })
                .chain(documents::of);
    }

    /** Takes a soft-deleted instance out of the recycle bin. */
    @WithTransaction
    public Uni<InstanceView> undelete(
            Caller caller, long partyId, UUID instanceGuid, String ifMatch) {
        return instances
                .changeableInstance(caller, partyId, instanceGuid, ifMatch)
                .invoke(
                        instance -> {
                            if (instance.hardDeleted != null) {
                                throw new InstanceNotFoundException(
                                        "Instance was permanently deleted and cannot be restored");
                            }
                            if (instance.softDeleted != null) {
                                instance.softDeleted = null;
                                instance.touch(time.now(), caller.actorId());
                            }
                        })
                .chain(documents::of);
    }

    private Uni<Void> confirm(InstanceEntity instance, Caller caller) {
        var key = new CompleteConfirmationEntity.Key(instance.id, caller.org());
        return CompleteConfirmationEntity.<CompleteConfirmationEntity>findById(key)
                .chain(
                        existing -> {
                            if (existing != null) {
                                return Uni.createFrom().voidItem();
                            }
                            Instant now = time.now();
                            var confirmation = new CompleteConfirmationEntity();
                            confirmation.instanceId = instance.id;
                            confirmation.stakeholderId = caller.org();
                            confirmation.confirmedOn = now;
                            instance.touch(now, caller.actorId());
                            return confirmation.persist().replaceWithVoid();
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

    private Uni<List<SimpleInstance>> withDisplayNames(List<InstanceEntity> active) {
        Set<String> actors =
                active.stream()
                        .map(instance -> instance.lastChangedBy)
                        .filter(actor -> actor != null && !actor.isBlank())
                        .collect(Collectors.toSet());
        return register.displayNames(actors)
                .map(names -> active.stream().map(i -> simple(i, names)).toList());
    }

    private static SimpleInstance simple(InstanceEntity instance, Map<String, String> names) {
        return new SimpleInstance(
                instance.partyId + "/" + instance.id,
                instance.presentationTexts,
                instance.dueBefore,
                instance.lastChanged,
                names.getOrDefault(
                        instance.lastChangedBy == null ? "" : instance.lastChangedBy, ""));
    }
}
