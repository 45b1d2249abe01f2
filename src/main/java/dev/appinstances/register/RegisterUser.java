package dev.appinstances.register;

/** A user who can log in; acts for their own party and for parties delegated to them. */
public record RegisterUser(long userId, long partyId, String username, String name) {}
