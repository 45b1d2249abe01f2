package dev.appinstances.instance;

import dev.appinstances.process.ProcessElementInfo.ValidationStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Altinn's AppProcessState: the stored process state, with every task of the process and, on the
 * current task, what this caller may do in it.
 */
@RegisterForReflection
@Schema(name = "AppProcessState")
public record AppProcessState(
        @Schema(nullable = true, description = "Null before the start and after the end")
                CurrentTask currentTask,
        @Schema(description = "Every task of the process, in BPMN order")
                List<TaskInfo> processTasks,
        @Schema(nullable = true) Instant started,
        @Schema(nullable = true) String startEvent,
        @Schema(nullable = true) Instant ended,
        @Schema(nullable = true) String endEvent) {

    /** The current task with the caller's rights in it. */
    @RegisterForReflection
    @Schema(name = "AppProcessElementInfo")
    public record CurrentTask(
            @Schema(
                            description =
                                    "The task's process actions and whether this caller may perform each")
                    Map<String, Boolean> actions,
            @Schema(description = "read, write, then the task's other actions")
                    List<UserAction> userActions,
            boolean read,
            boolean write,
            @Schema(enumeration = {"Task", "ServiceTask"}) String elementType,
            Integer flow,
            Instant started,
            String elementId,
            @Schema(nullable = true) String name,
            String altinnTaskType,
            @Schema(nullable = true) Instant ended,
            @Schema(nullable = true) ValidationStatus validated,
            @Schema(nullable = true) String flowType) {}

    /** An action of the current task, as Altinn's UserAction. */
    @RegisterForReflection
    @Schema(name = "UserAction")
    public record UserAction(
            String id,
            boolean authorized,
            @Schema(enumeration = {"ProcessAction", "ServerAction"}) String type) {}

    /** A task of the process, as Altinn's AppProcessTaskTypeInfo. */
    @RegisterForReflection
    @Schema(name = "AppProcessTaskTypeInfo")
    public record TaskInfo(String altinnTaskType, String elementId, String elementType) {}
}
