package dev.appinstances.process;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Altinn's ProcessState: where an instance is in the app's process. */
@RegisterForReflection
@Schema(name = "ProcessState")
public record ProcessState(
        Instant started,
        String startEvent,
        ProcessElementInfo currentTask,
        Instant ended,
        String endEvent) {}
