package dev.appinstances.data;

import dev.appinstances.instance.InstanceView;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Altinn's DataPostResponse, the answer of {@code POST data/{dataType}}. This service runs no
 * validators or data processors, so both lists are always empty.
 */
@RegisterForReflection
@Schema(name = "DataPostResponse")
public record DataPostResponse(
        UUID newDataElementId,
        InstanceView instance,
        @Schema(description = "Always empty: this service runs no validators")
                List<Object> validationIssues,
        @Schema(description = "Always empty: this service runs no data processors")
                List<Object> newDataModels) {

    /** The new element's URL, as in its {@code selfLinks.apps}. */
    String location() {
        return instance.selfLinks().apps() + "/data/" + newDataElementId;
    }

    static DataPostResponse of(UUID newDataElementId, InstanceView instance) {
        return new DataPostResponse(newDataElementId, instance, List.of(), List.of());
    }
}
