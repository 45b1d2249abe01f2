package dev.appinstances.instance;

import dev.appinstances.appmetadata.AppDefinition;
import dev.appinstances.auth.AccessControl;
import dev.appinstances.auth.Caller;
import dev.appinstances.common.TimeSource;
import dev.appinstances.data.DataElements;
import dev.appinstances.data.StoredPart;
import dev.appinstances.problem.InstanceNotFoundException;
import dev.appinstances.problem.PartyNotFoundException;
import dev.appinstances.problem.PartyTypeNotAllowedException;
import dev.appinstances.register.Party;
import dev.appinstances.register.Register;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Creating and reading instances: the rules, independent of HTTP. */
@ApplicationScoped
public class InstanceService {

    private final InstanceRepository instances;
    private final Register register;
    private final AccessControl access;
    private final AppDefinition app;
    private final InstanceViews views;
    private final TimeSource time;
    private final DataElements dataElements;
    private final InstanceDocuments documents;

    public InstanceService(
            InstanceRepository instances,
            Register register,
            AccessControl access,
            AppDefinition app,
            InstanceViews views,
            TimeSource time,
            DataElements dataElements,
            InstanceDocuments documents) {
        this.instances = instances;
        this.register = register;
        this.access = access;
        this.app = app;
        this.views = views;
        this.time = time;
        this.dataElements = dataElements;
        this.documents = documents;
    }

    /**
     * The checks that need only the caller; run before the body is read. As in Altinn, a copy of
     * the owner's own archived instance is allowed even when users may not instantiate.
     */
    public void checkMayInstantiate(Caller caller, boolean copy) {
        access.requireAuthenticationLevel(caller);
        if (!copy) {
            access.requireInstantiationAllowed(caller);
        }
    }

    /**
     * Creates the instance and, in the same transaction, one data element per stored part: all of
     * it becomes visible at once, or nothing does. {@code copy}: it copies an archived instance.
     */
    @WithTransaction
    public Uni<InstanceView> create(
            Caller caller, CreateInstanceCommand command, List<StoredPart> parts, boolean copy) {
        checkMayInstantiate(caller, copy);
        return lookupOwner(command.owner())
                .call(party -> access.requireActFor(caller, party.partyId()))
                .invoke(this::requirePartyTypeAllowed)
                .chain(party -> persistNew(caller, command, party, parts));
    }

    private Uni<InstanceView> persistNew(
            Caller caller, CreateInstanceCommand command, Party party, List<StoredPart> parts) {
        InstanceEntity instance = newInstance(caller, command, party);
        return instances
                .persist(instance)
                .chain(
                        () ->
                                dataElements.attach(
                                        instance.id, 0, parts, instance.created, caller.actorId()))
                .map(elements -> views.of(instance, party, elements, null));
    }

    @WithSession
    public Uni<VersionedInstance> get(Caller caller, long partyId, UUID instanceGuid) {
        return visibleInstance(caller, partyId, instanceGuid)
                .chain(
                        instance ->
                                documents
                                        .of(instance)
                                        .map(
                                                doc ->
                                                        new VersionedInstance(
                                                                doc, InstanceETags.of(instance))));
    }

    /** The instance for a change: visible to the caller, and still the version in If-Match. */
    public Uni<InstanceEntity> changeableInstance(
            Caller caller, long partyId, UUID instanceGuid, String ifMatch) {
        return visibleInstance(caller, partyId, instanceGuid)
                .invoke(instance -> InstanceETags.requireMatch(ifMatch, instance));
    }

    /**
     * The instance, if the caller may see it: 403 without rights to the party, 404 when it does not
     * exist there, and 404 when hard-deleted unless the caller is the app owner.
     */
    public Uni<InstanceEntity> visibleInstance(Caller caller, long partyId, UUID instanceGuid) {
        access.requireAuthenticationLevel(caller);
        return access.requireActFor(caller, partyId)
                .chain(() -> instances.findById(instanceGuid))
                .map(instance -> requireVisible(caller, instance, partyId, instanceGuid));
    }

    /** Instances of another party, another app, or hard-deleted (but for the owner) are 404. */
    private InstanceEntity requireVisible(
            Caller caller, InstanceEntity instance, long partyId, UUID instanceGuid) {
        if (instance == null
                || instance.partyId != partyId
                || !instance.appId.equals(app.appId())
                || (instance.hardDeleted != null && !caller.isAppOwner())) {
            throw new InstanceNotFoundException(
                    "Instance " + partyId + "/" + instanceGuid + " does not exist");
        }
        return instance;
    }

    private Uni<Party> lookupOwner(OwnerLookup owner) {
        return owner.lookupIn(register)
                .map(
                        found -> {
                            if (found == null || found.isDeleted()) {
                                throw new PartyNotFoundException(
                                        "Cannot lookup party: no party with " + owner.describe());
                            }
                            return found;
                        });
    }

    private void requirePartyTypeAllowed(Party party) {
        if (!InstantiationRules.isPartyTypeAllowed(app.metadata().partyTypesAllowed, party)) {
            throw new PartyTypeNotAllowedException(
                    "Party "
                            + party.partyId()
                            + " is "
                            + InstantiationRules.describeType(party)
                            + ", which is not allowed to instantiate "
                            + app.appId());
        }
    }

    private InstanceEntity newInstance(Caller caller, CreateInstanceCommand command, Party owner) {
        Instant now = time.now();
        InstanceEntity instance = new InstanceEntity();
        instance.id = UUID.randomUUID();
        instance.partyId = owner.partyId();
        instance.appId = app.appId();
        instance.org = app.org();
        instance.instanceOwner = InstantiationRules.normalizedOwner(owner);
        instance.dueBefore = command.dueBefore();
        instance.visibleAfter = command.visibleAfter() != null ? command.visibleAfter() : now;
        instance.setProcess(app.process().start(now));
        instance.readStatus = (short) initialReadStatus(caller, command).code();
        instance.substatus = command.substatus();
        instance.dataValues = command.dataValues();
        instance.created = now;
        instance.createdBy = caller.actorId();
        instance.touch(now, caller.actorId());
        return instance;
    }

    /** Like Altinn: what the owner creates is already read; the app owner's starts unread. */
    private static ReadStatus initialReadStatus(Caller caller, CreateInstanceCommand command) {
        if (!caller.isAppOwner()) {
            return ReadStatus.READ;
        }
        return command.readStatus() != null ? command.readStatus() : ReadStatus.UNREAD;
    }
}
