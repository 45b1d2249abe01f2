package dev.appinstances.process;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Altinn's ProcessElementInfo: the task an instance is in. {@code flow} counts the steps. */
@RegisterForReflection
@Schema(name = "ProcessElementInfo")
public record ProcessElementInfo(
        Integer flow,
        Instant started,
        String elementId,
        String name,
        String altinnTaskType,
        Instant ended,
        ValidationStatus validated,
        String flowType) {

    /** Altinn's only flow type for a move along a sequence flow. */
    public static final String COMPLETE_CURRENT_MOVE_TO_NEXT = "CompleteCurrentMoveToNext";

    /** Obsolete in Altinn but still part of the document. */
    @RegisterForReflection
    @Schema(name = "ValidationStatus")
    public record ValidationStatus(Instant timestamp, boolean canCompleteTask) {}
}
