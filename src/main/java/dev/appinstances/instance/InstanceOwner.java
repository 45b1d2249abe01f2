package dev.appinstances.instance;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The normalized owner stored with an instance: the party id plus its official identity. */
@RegisterForReflection
public record InstanceOwner(
        String partyId,
        String personNumber,
        String organisationNumber,
        String username,
        String externalIdentifier) {}
