package dev.appinstances.query;

import java.time.Instant;
import java.util.UUID;

/** Where a page ended: the (lastChanged, id) of its last instance, in the listing's order. */
public record ContinuationToken(Instant lastChanged, UUID id) {}
