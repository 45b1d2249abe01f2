package dev.appinstances.processflow;

import dev.appinstances.app.AppDefinition;
import dev.appinstances.app.DataType;
import dev.appinstances.auth.Caller;
import dev.appinstances.common.InstanceRef;
import dev.appinstances.common.TimeSource;
import dev.appinstances.instance.DataElements;
import dev.appinstances.instance.InstanceAccess;
import dev.appinstances.instance.InstanceEntity;
import dev.appinstances.instance.TaskEntry;
import dev.appinstances.persistence.Transactions;
import dev.appinstances.problem.ProcessConflictException;
import dev.appinstances.process.ProcessDefinition;
import dev.appinstances.process.ProcessDefinition.EndEvent;
import dev.appinstances.process.ProcessDefinition.Node;
import dev.appinstances.process.ProcessDefinition.Task;
import dev.appinstances.process.ProcessElementInfo;
import dev.appinstances.process.ProcessState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Moves instances along the app's BPMN. Two concurrent moves of one instance cannot both win: the
 * instance row is optimistically locked, and the loser gets 409.
 */
@ApplicationScoped
public class ProcessService {

    private final InstanceAccess instances;
    private final ProcessEventRepository events;
    private final DataElements dataElements;
    private final AppDefinition app;
    private final Transactions transactions;
    private final TimeSource time;
    private final TaskEntry taskEntry;

    public ProcessService(
            InstanceAccess instances,
            ProcessEventRepository events,
            DataElements dataElements,
            AppDefinition app,
            Transactions transactions,
            TimeSource time,
            TaskEntry taskEntry) {
        this.taskEntry = taskEntry;
        this.instances = instances;
        this.events = events;
        this.dataElements = dataElements;
        this.app = app;
        this.transactions = transactions;
        this.time = time;
    }

    public Uni<ProcessState> get(Caller caller, InstanceRef ref) {
        return transactions.read(() -> instances.visible(caller, ref).map(i -> i.process));
    }

    public Uni<ProcessHistory> history(Caller caller, InstanceRef ref) {
        return transactions.read(
                () ->
                        instances
                                .visible(caller, ref)
                                .chain(instance -> events.ofInstance(instance.id))
                                .map(
                                        steps ->
                                                new ProcessHistory(
                                                        steps.stream()
                                                                .map(ProcessEventEntity::toItem)
                                                                .toList())));
    }

    public Uni<ProcessState> next(
            Caller caller, InstanceRef ref, String elementId, String ifMatch) {
        return transactions.change(
                () ->
                        instances
                                .changeable(caller, ref, ifMatch)
                                .chain(instance -> move(instance, caller, elementId))
                                .map(instance -> instance.process));
    }

    private Uni<InstanceEntity> move(InstanceEntity instance, Caller caller, String elementId) {
        ProcessState state = instance.process;
        if (state == null || state.ended() != null || state.currentTask() == null) {
            throw new ProcessConflictException("The process of this instance has ended");
        }
        if (instance.softDeleted != null || instance.hardDeleted != null) {
            throw new ProcessConflictException("The instance is deleted");
        }
        ProcessElementInfo current = state.currentTask();
        Node target = target(current.elementId(), elementId);
        return requireMinCounts(instance, current.elementId())
                .chain(
                        () -> {
                            Instant now = time.now();
                            instance.touch(now, caller.actorId());
                            var ended =
                                    ProcessEventEntity.of(
                                            instance.id,
                                            "Task",
                                            current.elementId(),
                                            current.started(),
                                            now,
                                            caller.actorId());
                            return events.persist(ended)
                                    .chain(
                                            () ->
                                                    enter(
                                                            instance, state, current, target, now,
                                                            caller));
                        });
    }

    private Uni<InstanceEntity> enter(
            InstanceEntity instance,
            ProcessState state,
            ProcessElementInfo current,
            Node target,
            Instant now,
            Caller caller) {
        if (target instanceof Task task) {
            instance.setProcess(
                    new ProcessState(
                            state.started(),
                            state.startEvent(),
                            ProcessDefinition.enter(task, current.flow() + 1, now),
                            null,
                            null));
            return taskEntry
                    .enter(instance, task.id(), now, caller.actorId())
                    .replaceWith(instance);
        }
        return events.persist(
                        ProcessEventEntity.of(
                                instance.id, "EndEvent", target.id(), now, now, caller.actorId()))
                .chain(() -> end(instance, (EndEvent) target, now));
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

    /** Archive, lock the data, drop auto-deleted data, and hard-delete auto-deleted apps. */
    private Uni<InstanceEntity> end(InstanceEntity instance, EndEvent end, Instant now) {
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
        return dataElements
                .deleteOfTypes(instance.id, autoDeleted)
                .chain(() -> dataElements.lockAll(instance.id))
                .replaceWith(instance);
    }
}
