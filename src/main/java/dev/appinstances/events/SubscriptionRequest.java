package dev.appinstances.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a new subscription, in Altinn Events' shape (names taken ignoring case). */
@RegisterForReflection
@Schema(name = "EventSubscriptionRequest")
public record SubscriptionRequest(
        @Schema(
                        required = true,
                        description = "Where events are posted: https (http only where allowed)",
                        examples = "https://receiver.example.com/events")
                String endPoint,
        @Schema(
                        description = "Only events of this type (exact match)",
                        examples = "app.instance.process.completed")
                String typeFilter,
        @Schema(
                        description = "Only events of this subject (exact match)",
                        examples = "/party/50001337")
                String subjectFilter,
        @Schema(description = "Only events whose source starts with this URL")
                String sourceFilter) {}
