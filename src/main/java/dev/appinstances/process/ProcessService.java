package dev.appinstances.process;

import dev.appinstances.appmetadata.AppDefinition;
import dev.appinstances.appmetadata.DataType;
import dev.appinstances.auth.Caller;
import dev.appinstances.common.TimeSource;
import dev.appinstances.data.DataElements;
import dev.appinstances.instance.InstanceEntity;
import dev.appinstances.instance.InstanceService;
import dev.appinstances.problem.ProcessConflictException;
import dev.appinstances.process.ProcessDefinition.EndEvent;
import dev.appinstances.process.ProcessDefinition.Node;
import dev.appinstances.process.ProcessDefinition.Task;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Moves instances along the app's BPMN. Two concurrent moves of one instance cannot both win: the
 * instance row is optimistically locked, and the loser gets 409.
 */
@ApplicationScoped
public class ProcessService {

    private final InstanceService instances;
    private final DataElements dataElements;
    private final AppDefinition app;
    private final TimeSource time;

    public ProcessService(
            InstanceService instances,
            DataElements dataElements,
            AppDefinition app,
            TimeSource time) {
        this.instances = instances;
        this.dataElements = dataElements;
        this.app = app;
        this.time = time;
    }

    @WithSession
    public Uni<ProcessState> get(Caller caller, long partyId, UUID instanceGuid) {
        return instances.visibleInstance(caller, partyId, instanceGuid).map(i -> i.process);
    }

    @WithSession
    public Uni<ProcessHistory> history(Caller caller, long partyId, UUID instanceGuid) {
        return instances
                .visibleInstance(caller, partyId, instanceGuid)
                .chain(
                        instance ->
                                ProcessEventEntity.<ProcessEventEntity>list(
                                        "instanceId = ?1 order by id", instance.id))
                .map(
                        events ->
                                new ProcessHistory(
                                        events.stream().map(ProcessEventEntity::toItem).toList()));
    }

    @WithTransaction
    public Uni<ProcessState> next(
            Caller caller, long partyId, UUID instanceGuid, String elementId, String ifMatch) {
        return instances
                .changeableInstance(caller, partyId, instanceGuid, ifMatch)
                .chain(instance -> move(instance, caller, elementId))
                .map(instance -> instance.process);
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
                            return ended.persist()
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
            return Uni.createFrom().item(instance);
        }
        return ProcessEventEntity.of(
                        instance.id, "EndEvent", target.id(), now, now, caller.actorId())
                .persist()
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
