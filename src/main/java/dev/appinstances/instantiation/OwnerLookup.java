package dev.appinstances.instantiation;

import dev.appinstances.register.Party;
import dev.appinstances.register.Register;
import io.smallrye.mutiny.Uni;

/** How the template names the instance owner: one identifier to look up in the register. */
public sealed interface OwnerLookup {

    /** The party, or null when the register has none. */
    Uni<Party> lookupIn(Register register);

    /** For messages, e.g. {@code personNumber 12247918309}. */
    String describe();

    record ByPartyId(long partyId) implements OwnerLookup {
        public Uni<Party> lookupIn(Register register) {
            return register.partyById(partyId);
        }

        public String describe() {
            return "partyId " + partyId;
        }
    }

    record ByPersonNumber(String personNumber) implements OwnerLookup {
        public Uni<Party> lookupIn(Register register) {
            return register.partyBySsn(personNumber);
        }

        public String describe() {
            return "personNumber " + personNumber;
        }
    }

    record ByOrganisationNumber(String organisationNumber) implements OwnerLookup {
        public Uni<Party> lookupIn(Register register) {
            return register.partyByOrgNumber(organisationNumber);
        }

        public String describe() {
            return "organisationNumber " + organisationNumber;
        }
    }

    record ByUsername(String username) implements OwnerLookup {
        public Uni<Party> lookupIn(Register register) {
            return register.partyByUsername(username);
        }

        public String describe() {
            return "username " + username;
        }
    }
}
