package dev.appinstances.processflow;

import dev.appinstances.register.Party;
import dev.appinstances.register.Register;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who performed the start of a process that was started with its instance before instantiation
 * recorded process events (the history makes those up from the instance): a user by the national
 * identity number of their own party, an organisation by its number; {@code ""} when there is none.
 * Events recorded since carry their {@code PlatformUser}, which says it itself.
 */
@ApplicationScoped
public class Performers {

    private final Register register;

    public Performers(Register register) {
        this.register = register;
    }

    /** For a recorded actor id (createdBy, lastChangedBy): a user id, or an organisation number. */
    public Uni<String> ofActorId(String actorId) {
        if (actorId == null
                || actorId.length() == 9
                || actorId.length() > 18
                || !actorId.chars().allMatch(Character::isDigit)) {
            return Uni.createFrom().item(actorId == null ? "" : actorId);
        }
        return ofUser(Long.parseLong(actorId), null);
    }

    private Uni<String> ofUser(long userId, Long tokenParty) {
        return register.userById(userId)
                .chain(
                        user -> {
                            Long party = user != null ? Long.valueOf(user.partyId()) : tokenParty;
                            return party == null
                                    ? Uni.createFrom().<Party>nullItem()
                                    : register.partyById(party);
                        })
                .map(party -> party == null || party.ssn() == null ? "" : party.ssn());
    }
}
