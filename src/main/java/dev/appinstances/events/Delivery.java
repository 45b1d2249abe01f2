package dev.appinstances.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event's delivery to a subscription, with its attempts so far. */
@RegisterForReflection
@Schema(name = "EventDelivery")
public record Delivery(
        @Schema(description = "The CloudEvent id, also sent as webhook-id") UUID eventId,
        String type,
        @Schema(description = "The CloudEvent as it is delivered") String event,
        @Schema(description = "pending, delivered or given_up") String state,
        int attempts,
        Instant created,
        Instant lastAttemptAt,
        @Schema(description = "When a pending delivery is tried next") Instant nextAttemptAt,
        @Schema(description = "HTTP status of the last attempt, if one came") Integer lastStatus,
        @Schema(description = "Why the last attempt failed") String lastError,
        Instant deliveredAt) {}
