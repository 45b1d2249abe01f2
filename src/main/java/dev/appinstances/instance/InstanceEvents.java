package dev.appinstances.instance;

import dev.appinstances.auth.Caller;
import dev.appinstances.process.ProcessElementInfo;
import dev.appinstances.process.ProcessState;
import dev.appinstances.register.Register;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The instance event log's one writer: one method per kind of change, each called inside the
 * change's own transaction ({@code Transactions.change}), after the change is made on the entities,
 * so the event commits or rolls back with it. Event types and snapshots follow Altinn: Storage's
 * events for instance and data changes (the process state at the time), the App's process events
 * (the state before a task ends, after one is entered or the process ends).
 */
@ApplicationScoped
public class InstanceEvents {

    private final InstanceEventRepository events;
    private final Register register;

    public InstanceEvents(InstanceEventRepository events, Register register) {
        this.events = events;
        this.register = register;
    }

    /** A new instance (every way of creating one). */
    public Uni<Void> created(Caller caller, InstanceEntity instance, Instant at) {
        return write(caller, instance, InstanceEventTypes.CREATED, null, at);
    }

    /** New data elements, in order (uploads, multipart parts, auto-created forms, copies). */
    public Uni<Void> dataCreated(
            Caller caller, InstanceEntity instance, List<DataElementEntity> elements, Instant at) {
        return writeAll(
                caller,
                instance,
                InstanceEventTypes.CREATED,
                elements.stream().map(e -> e.id).toList(),
                at);
    }

    /** New content or data of an existing element. */
    public Uni<Void> dataSaved(
            Caller caller, InstanceEntity instance, DataElementEntity element, Instant at) {
        return write(caller, instance, InstanceEventTypes.SAVED, element.id, at);
    }

    /** Removed data elements. */
    public Uni<Void> dataDeleted(
            Caller caller, InstanceEntity instance, List<UUID> dataIds, Instant at) {
        return writeAll(caller, instance, InstanceEventTypes.DELETED, dataIds, at);
    }

    /** A soft or hard delete of the instance. */
    public Uni<Void> deleted(Caller caller, InstanceEntity instance, Instant at) {
        return write(caller, instance, InstanceEventTypes.DELETED, null, at);
    }

    /** Restored from the recycle bin. */
    public Uni<Void> undeleted(Caller caller, InstanceEntity instance, Instant at) {
        return write(caller, instance, InstanceEventTypes.UNDELETED, null, at);
    }

    /** The first complete confirmation of a stakeholder. */
    public Uni<Void> confirmedComplete(Caller caller, InstanceEntity instance, Instant at) {
        return write(caller, instance, InstanceEventTypes.CONFIRMED_COMPLETE, null, at);
    }

    public Uni<Void> substatusUpdated(Caller caller, InstanceEntity instance, Instant at) {
        return write(caller, instance, InstanceEventTypes.SUBSTATUS_UPDATED, null, at);
    }

    /**
     * The process has started and entered its first task ({@code instance.process}): the start
     * event, snapshot as Altinn takes it before the move (flow 1 at the start event), then the
     * task's start.
     */
    public Uni<Void> processStarted(Caller caller, InstanceEntity instance, Instant at) {
        ProcessState state = instance.process;
        ProcessState atStart =
                new ProcessState(
                        state.started(),
                        state.startEvent(),
                        new ProcessElementInfo(
                                1, null, state.startEvent(), null, null, null, null, null),
                        null,
                        null);
        return process(
                        caller,
                        instance,
                        InstanceEventTypes.PROCESS_START_EVENT,
                        atStart,
                        state.startEvent(),
                        at)
                .chain(() -> taskStarted(caller, instance, at));
    }

    /** The current task of {@code before} was left (completed, or abandoned by a reject). */
    public Uni<Void> taskEnded(
            Caller caller,
            InstanceEntity instance,
            ProcessState before,
            boolean abandoned,
            Instant at) {
        String type =
                abandoned
                        ? InstanceEventTypes.PROCESS_ABANDON_TASK
                        : InstanceEventTypes.PROCESS_END_TASK;
        return process(caller, instance, type, before, before.currentTask().elementId(), at);
    }

    /** The process has entered its current task. */
    public Uni<Void> taskStarted(Caller caller, InstanceEntity instance, Instant at) {
        ProcessState state = instance.process;
        return process(
                caller,
                instance,
                InstanceEventTypes.PROCESS_START_TASK,
                state,
                state.currentTask().elementId(),
                at);
    }

    /** The process has reached its end event; Altinn's App adds Submited for the message box. */
    public Uni<Void> processEnded(Caller caller, InstanceEntity instance, Instant at) {
        ProcessState state = instance.process;
        return process(
                        caller,
                        instance,
                        InstanceEventTypes.PROCESS_END_EVENT,
                        state,
                        state.endEvent(),
                        at)
                .chain(
                        () ->
                                process(
                                        caller,
                                        instance,
                                        InstanceEventTypes.SUBMITED,
                                        state,
                                        null,
                                        at));
    }

    private Uni<Void> process(
            Caller caller,
            InstanceEntity instance,
            String type,
            ProcessState snapshot,
            String elementId,
            Instant at) {
        return userOf(caller)
                .chain(
                        user -> {
                            InstanceEventEntity event =
                                    event(user, instance, type, null, snapshot, at);
                            event.elementId = elementId;
                            return events.persist(event);
                        })
                .replaceWithVoid();
    }

    private Uni<Void> write(
            Caller caller, InstanceEntity instance, String type, UUID dataId, Instant at) {
        return userOf(caller)
                .chain(
                        user ->
                                events.persist(
                                        event(user, instance, type, dataId, instance.process, at)))
                .replaceWithVoid();
    }

    private Uni<Void> writeAll(
            Caller caller, InstanceEntity instance, String type, List<UUID> dataIds, Instant at) {
        if (dataIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return userOf(caller)
                .chain(
                        user ->
                                events.persist(
                                        dataIds.stream()
                                                .map(
                                                        id ->
                                                                event(
                                                                        user,
                                                                        instance,
                                                                        type,
                                                                        id,
                                                                        instance.process,
                                                                        at))));
    }

    private static InstanceEventEntity event(
            PlatformUser user,
            InstanceEntity instance,
            String type,
            UUID dataId,
            ProcessState snapshot,
            Instant at) {
        InstanceEventEntity event = new InstanceEventEntity();
        event.id = UUID.randomUUID();
        event.instanceId = instance.id;
        event.eventType = type;
        event.dataId = dataId;
        event.created = at;
        event.user = user;
        event.processInfo = snapshot;
        return event;
    }

    /**
     * The caller as Altinn records it: a user with the person number of their own party, the app
     * owner by its org code, another organisation by its number (and its org code, if it has one).
     */
    private Uni<PlatformUser> userOf(Caller caller) {
        int level = caller.authenticationLevel();
        return switch (caller.kind()) {
            case APP_OWNER ->
                    Uni.createFrom().item(new PlatformUser(null, caller.org(), level, null, null));
            case ORGANISATION ->
                    Uni.createFrom()
                            .item(
                                    new PlatformUser(
                                            null, caller.org(), level, null, caller.orgNumber()));
            case USER -> userWithPersonNumber(caller, level);
        };
    }

    private Uni<PlatformUser> userWithPersonNumber(Caller caller, int level) {
        return register.userById(caller.userId())
                .chain(
                        user -> {
                            Long party =
                                    user != null ? Long.valueOf(user.partyId()) : caller.partyId();
                            return party == null
                                    ? Uni.createFrom().<String>nullItem()
                                    : register.partyById(party)
                                            .map(p -> p == null ? null : p.ssn());
                        })
                .map(ssn -> new PlatformUser(caller.userId(), null, level, ssn, null));
    }
}
