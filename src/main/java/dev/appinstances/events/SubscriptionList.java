package dev.appinstances.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Altinn Events' list shape: {@code {count, subscriptions}}. */
@RegisterForReflection
@Schema(name = "EventSubscriptionList")
public record SubscriptionList(int count, List<Subscription> subscriptions) {}
