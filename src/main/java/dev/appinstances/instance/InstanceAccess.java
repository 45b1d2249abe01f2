package dev.appinstances.instance;

import dev.appinstances.app.AppDefinition;
import dev.appinstances.auth.AccessControl;
import dev.appinstances.auth.Caller;
import dev.appinstances.common.InstanceRef;
import dev.appinstances.persistence.Transactions;
import dev.appinstances.problem.InstanceNotFoundException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one gate in front of an existing instance. Call inside a session (or transaction):
 *
 * <ul>
 *   <li>403 for an app owner without the scope (read or write);
 *   <li>403 without the authentication level or the right to act for the party, whether or not the
 *       instance exists (a caller without rights learns nothing);
 *   <li>404 when it does not exist under that party and app, and when hard-deleted unless the
 *       caller is the app owner;
 *   <li>for changes, 412 when {@code If-Match} names an older version.
 * </ul>
 */
@ApplicationScoped
public class InstanceAccess {

    private final AccessControl access;
    private final InstanceRepository instances;
    private final AppDefinition app;
    private final InstanceDocumentStore documents;
    private final Transactions transactions;

    public InstanceAccess(
            AccessControl access,
            InstanceRepository instances,
            AppDefinition app,
            InstanceDocumentStore documents,
            Transactions transactions) {
        this.access = access;
        this.instances = instances;
        this.app = app;
        this.documents = documents;
        this.transactions = transactions;
    }

    /** The instance, if the caller may see it (an app owner needs the read scope). */
    public Uni<InstanceEntity> visible(Caller caller, InstanceRef ref) {
        access.requireScope(caller, AccessControl.READ_SCOPE);
        return find(caller, ref);
    }

    /**
     * {@link #visible}, with what the instance's document shows, as committed: read in one
     * statement, outside any session. Only the check of the caller's rights may need a session;
     * call outside one.
     */
    public Uni<StoredInstance> readable(Caller caller, InstanceRef ref) {
        access.requireScope(caller, AccessControl.READ_SCOPE);
        return transactions
                .read(() -> access.requirePartyAccess(caller, ref.partyId()))
                .chain(() -> documents.byId(ref.guid()))
                .invoke(
                        stored ->
                                requireVisible(
                                        caller, stored == null ? null : stored.instance(), ref));
    }

    /**
     * The instance for a change: the caller may see it (an app owner needs the write scope), and it
     * is still the version in If-Match.
     */
    public Uni<InstanceEntity> changeable(Caller caller, InstanceRef ref, String ifMatch) {
        access.requireScope(caller, AccessControl.WRITE_SCOPE);
        return find(caller, ref).invoke(instance -> InstanceETags.requireMatch(ifMatch, instance));
    }

    private Uni<InstanceEntity> find(Caller caller, InstanceRef ref) {
        return access.requirePartyAccess(caller, ref.partyId())
                .chain(() -> instances.findById(ref.guid()))
                .map(instance -> requireVisible(caller, instance, ref));
    }

    /** The instance for a change of its data: changeable, and neither archived nor deleted. */
    public Uni<InstanceEntity> writable(Caller caller, InstanceRef ref, String ifMatch) {
        return changeable(caller, ref, ifMatch).invoke(InstanceWriteRules::requireWritable);
    }

    private InstanceEntity requireVisible(Caller caller, InstanceEntity instance, InstanceRef ref) {
        if (instance == null
                || instance.partyId != ref.partyId()
                || !instance.appId.equals(app.appId())
                || (instance.hardDeleted != null && !caller.isAppOwner())) {
            throw new InstanceNotFoundException("Instance " + ref + " does not exist");
        }
        return instance;
    }
}
