package dev.appinstances.auth;

import dev.appinstances.app.AppDefinition;
import dev.appinstances.app.AppSettings;
import dev.appinstances.problem.AccessDeniedException;
import dev.appinstances.problem.AppOwnerOnlyException;
import dev.appinstances.problem.AuthenticationLevelTooLowException;
import dev.appinstances.problem.ScopeRequiredException;
import dev.appinstances.problem.UserInstantiationDisallowedException;
import dev.appinstances.register.Register;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The authorization rules of the app: the app owner may do anything with the app's instances; users
 * and other organisations act only for parties they represent.
 */
@ApplicationScoped
public class AccessControl {

    private final Register register;
    private final AppDefinition app;
    private final int minimumAuthenticationLevel;

    public AccessControl(Register register, AppDefinition app, AppSettings settings) {
        this.register = register;
        this.app = app;
        this.minimumAuthenticationLevel = settings.auth().minimumAuthenticationLevel();
    }

    /** The app owner's scope to read the app's instances. */
    public static final String READ_SCOPE = "altinn:serviceowner/instances.read";

    /** The app owner's scope to create and change the app's instances. */
    public static final String WRITE_SCOPE = "altinn:serviceowner/instances.write";

    /**
     * An app owner acts on the app's instances only with the scope for it (Maskinporten's {@code
     * altinn:serviceowner/instances.read} or {@code .write}); users and other organisations are
     * held to their rights to parties instead.
     */
    public void requireScope(Caller caller, String scope) {
        if (caller.isAppOwner() && !caller.scopes().contains(scope)) {
            throw new ScopeRequiredException(
                    "The app owner's token needs scope "
                            + scope
                            + " to "
                            + (scope.equals(WRITE_SCOPE) ? "create or change" : "read")
                            + " instances of "
                            + app.appId());
        }
    }

    public void requireAuthenticationLevel(Caller caller) {
        if (caller.authenticationLevel() < minimumAuthenticationLevel) {
            throw new AuthenticationLevelTooLowException(
                    "This app requires authentication level "
                            + minimumAuthenticationLevel
                            + "; the token has level "
                            + caller.authenticationLevel());
        }
    }

    /** {@code disallowUserInstantiation}: only the app owner may create instances. */
    public void requireInstantiationAllowed(Caller caller) {
        if (app.metadata().disallowUserInstantiation && !caller.isAppOwner()) {
            throw new UserInstantiationDisallowedException(
                    "User instantiation is disabled for this application " + app.appId());
        }
    }

    /** Substatus and complete confirmations belong to the app owner alone. */
    public void requireAppOwner(Caller caller, String what) {
        if (!caller.isAppOwner()) {
            throw new AppOwnerOnlyException("Only the app owner (" + app.org() + ") may " + what);
        }
    }

    /**
     * The gate in front of everything done for a party: the token's authentication level first,
     * then the right to act for the party (403 that reveals nothing more).
     */
    public Uni<Void> requirePartyAccess(Caller caller, long partyId) {
        requireAuthenticationLevel(caller);
        return requireActFor(caller, partyId);
    }

    /** {@link #requirePartyAccess} for reading: an app owner also needs the read scope. */
    public Uni<Void> requireReadAccess(Caller caller, long partyId) {
        requireScope(caller, READ_SCOPE);
        return requirePartyAccess(caller, partyId);
    }

    /** Passes when the caller may act for the party; otherwise 403 that reveals nothing more. */
    public Uni<Void> requireActFor(Caller caller, long partyId) {
        return mayActFor(caller, partyId)
                .invoke(
                        allowed -> {
                            if (!allowed) {
                                throw new AccessDeniedException(
                                        "The caller may not act for party " + partyId);
                            }
                        })
                .replaceWithVoid();
    }

    public Uni<Boolean> mayActFor(Caller caller, long partyId) {
        return switch (caller.kind()) {
            case APP_OWNER -> Uni.createFrom().item(true);
            case USER ->
                    Long.valueOf(partyId).equals(caller.partyId())
                            ? Uni.createFrom().item(true)
                            : register.hasDelegation(caller.userId(), partyId);
            case ORGANISATION ->
                    caller.orgNumber() == null
                            ? Uni.createFrom().item(false)
                            : register.partyByOrgNumber(caller.orgNumber())
                                    .map(party -> party != null && party.partyId() == partyId);
        };
    }
}
