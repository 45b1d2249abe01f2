package dev.appinstances.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as Altinn Events shows it; {@code secret} only in the answer to its create. */
@RegisterForReflection
@Schema(name = "EventSubscription")
public record Subscription(
        long id,
        String endPoint,
        String typeFilter,
        String subjectFilter,
        String sourceFilter,
        @Schema(description = "Who receives the events: /org/{org}") String consumer,
        String createdBy,
        Instant created,
        @JsonInclude(JsonInclude.Include.NON_NULL)
                @Schema(
                        description =
                                "The signing secret (whsec_ + base64), returned once, on create")
                String secret) {

    Subscription withoutSecret() {
        return new Subscription(
                id,
                endPoint,
                typeFilter,
                subjectFilter,
                sourceFilter,
                consumer,
                createdBy,
                created,
                null);
    }
}
