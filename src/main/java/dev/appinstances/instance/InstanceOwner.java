package dev.appinstances.instance;

/** The normalized owner stored with an instance: the party id plus its official identity. */
public record InstanceOwner(
        String partyId,
        String personNumber,
        String organisationNumber,
        String username,
        String externalIdentifier) {}
