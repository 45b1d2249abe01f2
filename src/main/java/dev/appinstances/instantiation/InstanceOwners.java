package dev.appinstances.instantiation;

import dev.appinstances.app.AppDefinition;
import dev.appinstances.auth.AccessControl;
import dev.appinstances.auth.Caller;
import dev.appinstances.problem.PartyNotFoundException;
import dev.appinstances.problem.PartyTypeNotAllowedException;
import dev.appinstances.register.Party;
import dev.appinstances.register.Register;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Finds the party a new instance is for, and checks that the caller may create it for them. */
@ApplicationScoped
class InstanceOwners {

    private final Register register;
    private final AccessControl access;
    private final AppDefinition app;

    InstanceOwners(Register register, AccessControl access, AppDefinition app) {
        this.register = register;
        this.access = access;
        this.app = app;
    }

    /** The owner, once the caller may act for it and its party type may instantiate this app. */
    Uni<Party> resolve(Caller caller, OwnerLookup owner) {
        return lookup(owner)
                .call(party -> access.requireActFor(caller, party.partyId()))
                .invoke(this::requirePartyTypeAllowed);
    }

    private Uni<Party> lookup(OwnerLookup owner) {
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
}
