package dev.appinstances.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The newest deliveries of a subscription, newest first. */
@RegisterForReflection
@Schema(name = "EventDeliveryList")
public record DeliveryList(int count, List<Delivery> deliveries) {}
