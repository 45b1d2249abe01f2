package dev.appinstances.events;

import dev.appinstances.instance.InstanceEntity;
import dev.appinstances.instance.InstanceEventEntity;
import dev.appinstances.instance.PlatformUser;
import dev.appinstances.process.ProcessState;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Altinn Storage's InstanceEvent, as Storage writes it (members without a value left out).
 *
 * @param dataId the data element, on data element events only
 * @param processInfo the process state at the time of the event
 */
@RegisterForReflection
@Schema(name = "InstanceEvent")
public record InstanceEventView(
        UUID id,
        @Schema(example = "50001337/5d9e906b-83ed-44df-85a7-2f104c640bff") String instanceId,
        UUID dataId,
        Instant created,
        @Schema(example = "Created") String eventType,
        @Schema(example = "50001337") String instanceOwnerPartyId,
        PlatformUser user,
        ProcessState processInfo,
        String additionalInfo) {

    static InstanceEventView of(InstanceEventEntity event, InstanceEntity instance) {
        return new InstanceEventView(
                event.id,
                instance.partyId + "/" + instance.id,
                event.dataId,
                event.created,
                event.eventType,
                String.valueOf(instance.partyId),
                event.user,
                event.processInfo,
                event.additionalInfo);
    }
}
