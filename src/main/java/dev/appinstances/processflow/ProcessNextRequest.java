package dev.appinstances.processflow;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.appinstances.common.JsonText;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Altinn's ProcessNext body: the action the caller performs to move on from the task. */
@RegisterForReflection
@Schema(name = "ProcessNext")
public record ProcessNextRequest(
        @Schema(
                        nullable = true,
                        description =
                                "A process action the current task offers, e.g. confirm, sign,"
                                        + " reject; without it, the task type's own action",
                        example = "confirm")
                @JsonDeserialize(using = JsonText.class)
                String action,
        @Schema(
                        nullable = true,
                        description = "Accepted for compatibility; not used",
                        example = "null")
                @JsonDeserialize(using = JsonText.class)
                String actionOnBehalfOf) {}
