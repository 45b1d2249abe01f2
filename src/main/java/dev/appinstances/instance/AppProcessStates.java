package dev.appinstances.instance;

import dev.appinstances.app.AppDefinition;
import dev.appinstances.auth.Caller;
import dev.appinstances.process.ProcessDefinition.Task;
import dev.appinstances.process.ProcessElementInfo;
import dev.appinstances.process.ProcessState;
import dev.appinstances.process.TaskAction;
import dev.appinstances.process.TaskActions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@link AppProcessState} a caller sees for a stored process state. */
@ApplicationScoped
public class AppProcessStates {

    static final String TASK = "Task";

    private final AppDefinition app;

    public AppProcessStates(AppDefinition app) {
        this.app = app;
    }

    public AppProcessState of(ProcessState state, Caller caller) {
        List<AppProcessState.TaskInfo> tasks =
                app.process().tasks().stream()
                        .map(t -> new AppProcessState.TaskInfo(t.taskType(), t.id(), TASK))
                        .toList();
        if (state == null) {
            return new AppProcessState(null, tasks, null, null, null, null);
        }
        ProcessElementInfo current = state.currentTask();
        return new AppProcessState(
                current == null ? null : currentTask(current, caller),
                tasks,
                state.started(),
                state.startEvent(),
                state.ended(),
                state.endEvent());
    }

    /** The task of the process the current task is in (its stored type if the BPMN lost it). */
    public Task task(ProcessElementInfo current) {
        return app.process()
                .task(current.elementId())
                .orElseGet(
                        () ->
                                new Task(
                                        current.elementId(),
                                        current.name(),
                                        current.altinnTaskType()));
    }

    private AppProcessState.CurrentTask currentTask(ProcessElementInfo current, Caller caller) {
        Map<String, Boolean> actions = new LinkedHashMap<>();
        List<AppProcessState.UserAction> userActions =
                TaskRights.offered(task(current)).stream()
                        .map(
                                action -> {
                                    boolean authorized = TaskRights.authorized(caller, action.id());
                                    if (action.type() == TaskAction.Type.PROCESS_ACTION) {
                                        actions.put(action.id(), authorized);
                                    }
                                    return new AppProcessState.UserAction(
                                            action.id(), authorized, action.type().label());
                                })
                        .toList();
        return new AppProcessState.CurrentTask(
                actions,
                userActions,
                TaskRights.authorized(caller, TaskActions.READ),
                TaskRights.authorized(caller, TaskActions.WRITE),
                TASK,
                current.flow(),
                current.started(),
                current.elementId(),
                current.name(),
                current.altinnTaskType(),
                current.ended(),
                current.validated(),
                current.flowType());
    }
}
