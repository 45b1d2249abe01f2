package dev.appinstances.processflow;

import dev.appinstances.app.AppDefinition;
import dev.appinstances.auth.AccessControl;
import dev.appinstances.auth.Caller;
import dev.appinstances.common.InstanceRef;
import dev.appinstances.common.TimeSource;
import dev.appinstances.http.HttpLimits;
import dev.appinstances.http.JsonBodies;
import dev.appinstances.http.MediaTypes;
import dev.appinstances.http.RequestBody;
import dev.appinstances.instance.AppProcessState;
import dev.appinstances.instance.AppProcessStates;
import dev.appinstances.instance.InstanceAccess;
import dev.appinstances.instance.InstanceEntity;
import dev.appinstances.instance.InstanceEventEntity;
import dev.appinstances.instance.InstanceEventRepository;
import dev.appinstances.instance.InstanceEventTypes;
import dev.appinstances.persistence.Transactions;
import dev.appinstances.problem.ProcessConflictException;
import dev.appinstances.problem.UnsupportedContentTypeException;
import dev.appinstances.process.ProcessState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The process of an instance: its state as the caller sees it, its history, and moving it (start,
 * next, all the way to the end). Two concurrent moves of one instance cannot both win: the instance
 * row is optimistically locked, and the loser gets 409.
 */
@ApplicationScoped
public class ProcessService {

    /** completeProcess gives up after this many moves (a loop in the BPMN). */
    static final int MAX_MOVES = 100;

    private final InstanceAccess instances;
    private final AccessControl access;
    private final InstanceEventRepository events;
    private final ProcessStep step;
    private final AppProcessStates states;
    private final Performers performers;
    private final JsonBodies json;
    private final AppDefinition app;
    private final Transactions transactions;
    private final TimeSource time;
    private final long maxJsonBodySize;

    public ProcessService(
            InstanceAccess instances,
            AccessControl access,
            InstanceEventRepository events,
            ProcessStep step,
            AppProcessStates states,
            Performers performers,
            JsonBodies json,
            AppDefinition app,
            Transactions transactions,
            TimeSource time,
            HttpLimits limits) {
        this.instances = instances;
        this.access = access;
        this.events = events;
        this.step = step;
        this.states = states;
        this.performers = performers;
        this.json = json;
        this.app = app;
        this.transactions = transactions;
        this.time = time;
        this.maxJsonBodySize = limits.maxJsonBodySize().asLongValue();
    }

    public Uni<AppProcessState> get(Caller caller, InstanceRef ref) {
        return transactions.read(
                () -> instances.visible(caller, ref).map(i -> states.of(i.process, caller)));
    }

    /**
     * The elements the process can move to: the start event before the start, the tasks and end
     * events that can follow the current task (409 after the end).
     */
    public Uni<List<String>> nextElements(Caller caller, InstanceRef ref) {
        return transactions.read(
                () ->
                        instances
                                .visible(caller, ref)
                                .map(
                                        instance -> {
                                            ProcessState state = instance.process;
                                            if (state == null || state.started() == null) {
                                                return List.of(app.process().startEvent().id());
                                            }
                                            if (state.currentTask() == null) {
                                                throw new ProcessConflictException(
                                                        "The process has ended; nothing follows");
                                            }
                                            return app.process()
                                                    .nextIds(state.currentTask().elementId());
                                        }));
    }

    public Uni<ProcessHistory> history(Caller caller, InstanceRef ref) {
        return transactions.read(
                () -> instances.visible(caller, ref).chain(instance -> historyOf(instance)));
    }

    private Uni<ProcessHistory> historyOf(InstanceEntity instance) {
        return events.ofTypes(instance.id, InstanceEventTypes.PROCESS)
                .chain(
                        recorded ->
                                performers
                                        .ofActorId(instance.createdBy)
                                        .map(
                                                creator ->
                                                        ProcessHistoryMapper.withStart(
                                                                recorded.stream()
                                                                        .map(
                                                                                ProcessService
                                                                                        ::historyEvent)
                                                                        .toList(),
                                                                instance.process,
                                                                app.process().firstTask().id(),
                                                                creator)))
                .map(all -> new ProcessHistory(ProcessHistoryMapper.map(all)));
    }

    private static ProcessHistoryMapper.Event historyEvent(InstanceEventEntity event) {
        return new ProcessHistoryMapper.Event(
                event.eventType,
                event.elementId,
                event.created,
                event.user == null ? "" : event.user.performer());
    }

    /** Starts the process of an instance that has none: the start event, then the first task. */
    public Uni<AppProcessState> start(
            Caller caller, InstanceRef ref, String startEvent, String ifMatch) {
        access.requireInstantiationAllowed(caller);
        return transactions.change(
                () ->
                        instances
                                .changeable(caller, ref, ifMatch)
                                .chain(instance -> start(instance, caller, startEvent))
                                .map(instance -> states.of(instance.process, caller)));
    }

    private Uni<InstanceEntity> start(InstanceEntity instance, Caller caller, String startEvent) {
        if (instance.process != null && instance.process.started() != null) {
            throw new ProcessConflictException("Process is already started. Use next.");
        }
        String expected = app.process().startEvent().id();
        if (startEvent != null && !startEvent.isBlank() && !startEvent.equals(expected)) {
            throw new ProcessConflictException(
                    "No matching start event: "
                            + startEvent
                            + "; the process starts at "
                            + expected);
        }
        if (instance.softDeleted != null || instance.hardDeleted != null) {
            throw new ProcessConflictException("The instance is deleted");
        }
        Instant now = time.now();
        instance.setProcess(app.process().start(now));
        instance.touch(now, caller.actorId());
        return step.begin(instance, now, caller).replaceWith(instance);
    }

    /** One move; the body may name the action ({@code {"action": "confirm"}}). */
    public Uni<AppProcessState> next(
            Caller caller, InstanceRef ref, String elementId, RequestBody body, String ifMatch) {
        return body.readAll(maxJsonBodySize)
                .map(bytes -> action(body.contentType(), bytes))
                .chain(action -> next(caller, ref, elementId, action, ifMatch));
    }

    private Uni<AppProcessState> next(
            Caller caller, InstanceRef ref, String elementId, String action, String ifMatch) {
        return transactions.change(
                () ->
                        instances
                                .changeable(caller, ref, ifMatch)
                                .chain(
                                        instance ->
                                                step.move(
                                                        instance,
                                                        new ProcessStep.Move(
                                                                caller, action, elementId),
                                                        time.now()))
                                .map(instance -> states.of(instance.process, caller)));
    }

    /**
     * Moves through every remaining task to the end, each move checked as {@link #next} checks one;
     * all of it or nothing.
     */
    public Uni<AppProcessState> completeProcess(Caller caller, InstanceRef ref, String ifMatch) {
        return transactions.change(
                () ->
                        instances
                                .changeable(caller, ref, ifMatch)
                                .chain(
                                        instance ->
                                                toTheEnd(
                                                        instance,
                                                        new ProcessStep.Move(caller, null, null),
                                                        0))
                                .map(instance -> states.of(instance.process, caller)));
    }

    private Uni<InstanceEntity> toTheEnd(InstanceEntity instance, ProcessStep.Move move, int done) {
        ProcessState state = instance.process;
        if (state == null || state.started() == null) {
            throw new ProcessConflictException("Process is not started. Use start!");
        }
        if (done == 0 && state.ended() != null) {
            throw new ProcessConflictException("Process is ended. It cannot be restarted.");
        }
        if (state.currentTask() == null) {
            return Uni.createFrom().item(instance);
        }
        if (done >= MAX_MOVES) {
            throw new ProcessConflictException(
                    "The process did not end within " + MAX_MOVES + " moves");
        }
        return step.move(instance, move, time.now())
                .chain(moved -> toTheEnd(moved, move, done + 1));
    }

    /** The action of a process/next body: none for no body or {@code null}. */
    private String action(String contentType, byte[] body) {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8).trim();
        if (text.isEmpty() || text.equals("null")) {
            return null;
        }
        if (!MediaTypes.isJson(contentType)) {
            throw new UnsupportedContentTypeException(
                    "A process/next body must be application/json, not "
                            + (contentType == null ? "without a Content-Type" : contentType));
        }
        return json.object(body, ProcessNextRequest.class, "The process/next body").action();
    }
}
