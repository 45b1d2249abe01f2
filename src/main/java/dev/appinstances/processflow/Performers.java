package dev.appinstances.processflow;

import dev.appinstances.auth.Caller;
import dev.appinstances.register.Party;
import dev.appinstances.register.Register;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who performed a process event, as Altinn's history shows it: a user by the national identity
 * number of their own party, the app owner by its org code (e.g. {@code ttd}), another organisation
 * by its organisation number; {@code ""} when there is none (a self-identified user).
 */
@ApplicationScoped
public class Performers {

    private final Register register;

    public Performers(Register register) {
        this.register = register;
    }

    public Uni<String> of(Caller caller) {
        if (caller.kind() == Caller.Kind.APP_OWNER) {
            return Uni.createFrom().item(caller.org());
        }
        if (caller.kind() != Caller.Kind.USER) {
            return Uni.createFrom()
                    .item(caller.orgNumber() != null ? caller.orgNumber() : caller.org());
        }
        return ofUser(caller.userId(), caller.partyId());
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
