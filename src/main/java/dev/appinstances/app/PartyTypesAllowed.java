package dev.appinstances.app;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code partyTypesAllowed}: which kinds of party may own an instance. All false = everyone. */
@RegisterForReflection
public class PartyTypesAllowed extends OpenJsonObject {
    public boolean bankruptcyEstate;
    public boolean organisation;
    public boolean person;
    public boolean subUnit;

    public boolean allowsEveryone() {
        return !bankruptcyEstate && !organisation && !person && !subUnit;
    }
}
