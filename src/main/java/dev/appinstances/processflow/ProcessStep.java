package dev.appinstances.processflow;

import dev.appinstances.app.AppDefinition;
import dev.appinstances.app.DataType;
import dev.appinstances.auth.Caller;
import dev.appinstances.instance.AppEvents;
import dev.appinstances.instance.AppProcessStates;
import dev.appinstances.instance.DataElements;
import dev.appinstances.instance.InstanceEntity;
import dev.appinstances.instance.InstanceEvents;
import dev.appinstances.instance.TaskEntry;
import dev.appinstances.instance.TaskRights;
import dev.appinstances.problem.ActionNotAllowedException;
import dev.appinstances.problem.ProcessConflictException;
import dev.appinstances.process.ProcessDefinition.EndEvent;
import dev.appinstances.process.ProcessDefinition.Node;
import dev.appinstances.process.ProcessDefinition.Task;
import dev.appinstances.process.ProcessElementInfo;
import dev.appinstances.process.ProcessState;
import dev.appinstances.process.TaskAction;
import dev.appinstances.process.TaskActions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One move of an instance's process from its current task, inside the caller's transaction: the
 * checks (the process runs, the task offers the action, the caller may perform it, the next element
 * can follow, the task's data is complete), then the events and the new state.
 */
@ApplicationScoped
public class ProcessStep {

    /** Altinn's flow type of the task entered after a reject. */
    static final String ABANDON_CURRENT_MOVE_TO_NEXT = "AbandonCurrentMoveToNext";

    private final InstanceEvents events;
    private final DataElements dataElements;
    private final AppDefinition app;
    private final AppProcessStates states;
    private final TaskEntry taskEntry;
    private final AppEvents appEvents;

    public ProcessStep(
            InstanceEvents events,
            DataElements dataElements,
            AppDefinition app,
            AppProcessStates states,
            TaskEntry taskEntry,
            AppEvents appEvents) {
        this.appEvents = appEvents;
        this.taskEntry = taskEntry;
        this.events = events;
        this.dataElements = dataElements;
        this.app = app;
        this.states = states;
    }

    /** A move from {@link ProcessState#currentTask}; the caller may act for the party. */
    public record Move(Caller caller, String action, String elementId) {}

    public Uni<InstanceEntity> move(InstanceEntity instance, Move move, Instant now) {
        ProcessState state = instance.process;
        if (state == null || state.started() == null) {
            throw new ProcessConflictException("The process has not started; use process/start");
        }
        if (state.ended() != null || state.currentTask() == null) {
            throw new ProcessConflictException("The process of this instance has ended");
        }
        if (instance.softDeleted != null || instance.hardDeleted != null) {
            throw new ProcessConflictException("The instance is deleted");
        }
        ProcessElementInfo current = state.currentTask();
        Task task = states.task(current);
        String action = blankToNull(move.action());
        requireAllowed(task, move.caller(), action);
        Node target = target(current.elementId(), move.elementId());
        boolean reject = TaskActions.REJECT.equals(action);
        Uni<Void> complete =
                reject ? Uni.createFrom().voidItem() : requireMinCounts(instance, task.id());
        return complete.chain(
                () -> {
                    instance.touch(now, move.caller().actorId());
                    return events.taskEnded(move.caller(), instance, state, reject, now)
                            .chain(() -> enter(instance, current, target, reject, now, move));
                });
    }

    private static void requireAllowed(Task task, Caller caller, String action) {
        if (action != null && !TaskRights.offers(task, action)) {
            throw new ProcessConflictException(
                    "Task "
                            + task.id()
                            + " does not offer action '"
                            + action
                            + "'; it offers "
                            + TaskRights.offered(task).stream()
                                    .filter(a -> a.type() == TaskAction.Type.PROCESS_ACTION)
                                    .map(TaskAction::id)
                                    .toList());
        }
        String refusal = TaskRights.refusal(caller, task, action);
        if (refusal != null) {
            throw new ActionNotAllowedException(refusal);
        }
    }

    private Uni<InstanceEntity> enter(
            InstanceEntity instance,
            ProcessElementInfo current,
            Node target,
            boolean reject,
            Instant now,
            Move move) {
        ProcessState state = instance.process;
        if (target instanceof Task next) {
            instance.setProcess(
                    new ProcessState(
                            state.started(),
                            state.startEvent(),
                            new ProcessElementInfo(
                                    current.flow() + 1,
                                    now,
                                    next.id(),
                                    next.name(),
                                    next.taskType(),
                                    null,
                                    null,
                                    reject
                                            ? ABANDON_CURRENT_MOVE_TO_NEXT
                                            : ProcessElementInfo.COMPLETE_CURRENT_MOVE_TO_NEXT),
                            null,
                            null));
            return events.taskStarted(move.caller(), instance, now)
                    .chain(() -> taskEntry.enter(instance, next.id(), now, move.caller()))
                    .call(() -> appEvents.movedTo(instance, next.id()))
                    .replaceWith(instance);
        }
        return end(instance, (EndEvent) target, now, move.caller());
    }

    /**
     * Records the start of a process and its first task, as process/start does, and enters that
     * task (its auto-created forms).
     */
    Uni<Void> begin(InstanceEntity instance, Instant now, Caller caller) {
        String task = instance.process.currentTask().elementId();
        return events.processStarted(caller, instance, now)
                .chain(() -> taskEntry.enter(instance, task, now, caller))
                .replaceWithVoid();
    }

    private Node target(String currentTask, String elementId) {
        try {
            return app.process().next(currentTask, elementId);
        } catch (IllegalArgumentException e) {
            throw new ProcessConflictException(e.getMessage());
        }
    }

    /** The data types bound to the task must have their minimum number of elements. */
    private Uni<Void> requireMinCounts(InstanceEntity instance, String task) {
        List<DataType> bound =
                app.metadata().dataTypes.stream()
                        .filter(type -> task.equals(type.taskId) && type.minCount > 0)
                        .toList();
        if (bound.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return dataElements
                .countByType(instance.id)
                .invoke(counts -> bound.forEach(type -> requireMinCount(type, counts)))
                .replaceWithVoid();
    }

    private static void requireMinCount(DataType type, Map<String, Long> counts) {
        long count = counts.getOrDefault(type.id, 0L);
        if (count < type.minCount) {
            throw new ProcessConflictException(
                    "Data type '"
                            + type.id
                            + "' needs at least "
                            + type.minCount
                            + " data element(s) before the task can end; it has "
                            + count);
        }
    }

    /**
     * Archive, lock the data, drop auto-deleted data, and hard-delete auto-deleted apps; the events
     * in Altinn's order: the end (with Submited), each removed element, the instance's delete.
     */
    private Uni<InstanceEntity> end(
            InstanceEntity instance, EndEvent end, Instant now, Caller caller) {
        ProcessState state = instance.process;
        instance.setProcess(
                new ProcessState(state.started(), state.startEvent(), null, now, end.id()));
        instance.archived = now;
        if (app.metadata().autoDeleteOnProcessEnd) {
            instance.hardDeleted = now;
            instance.softDeleted = instance.softDeleted != null ? instance.softDeleted : now;
        }
        List<String> autoDeleted =
                app.metadata().dataTypes.stream()
                        .filter(
                                type ->
                                        type.appLogic != null
                                                && Boolean.TRUE.equals(
                                                        type.appLogic.autoDeleteOnProcessEnd))
                        .map(type -> type.id)
                        .toList();
        return events.processEnded(caller, instance, now)
                .chain(() -> dataElements.deleteOfTypes(instance.id, autoDeleted))
                .chain(removed -> events.dataDeleted(caller, instance, removed, now))
                .chain(() -> dataElements.lockAll(instance.id))
                .chain(
                        () ->
                                app.metadata().autoDeleteOnProcessEnd
                                        ? events.deleted(caller, instance, now)
                                        : Uni.createFrom().voidItem())
                .call(() -> appEvents.completed(instance))
                .replaceWith(instance);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
