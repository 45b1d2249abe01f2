package dev.appinstances.process;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The app's process, read from {@code process/process.bpmn} once at startup. */
public final class ProcessDefinition {

    /** A node of the process graph. */
    public sealed interface Node permits StartEvent, Task, ExclusiveGateway, EndEvent {
        String id();
    }

    public record StartEvent(String id) implements Node {}

    public record Task(String id, String name, String taskType) implements Node {}

    public record ExclusiveGateway(String id, String defaultFlow) implements Node {}

    public record EndEvent(String id) implements Node {}

    public record SequenceFlow(String id, String sourceRef, String targetRef) {}

    private final String processId;
    private final StartEvent startEvent;
    private final Map<String, Node> nodes;
    private final Map<String, List<SequenceFlow>> outgoing;

    ProcessDefinition(
            String processId,
            StartEvent startEvent,
            Map<String, Node> nodes,
            Map<String, List<SequenceFlow>> outgoing) {
        this.processId = processId;
        this.startEvent = startEvent;
        this.nodes = Map.copyOf(nodes);
        this.outgoing = Map.copyOf(outgoing);
    }

    public String processId() {
        return processId;
    }

    public StartEvent startEvent() {
        return startEvent;
    }

    public Optional<Node> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    public Optional<Task> task(String id) {
        return node(id).filter(Task.class::isInstance).map(Task.class::cast);
    }

    public List<SequenceFlow> outgoing(String nodeId) {
        return outgoing.getOrDefault(nodeId, List.of());
    }

    /** The task the start event leads to (the parser guarantees there is exactly one). */
    public Task firstTask() {
        return (Task) nodes.get(outgoing(startEvent.id()).get(0).targetRef());
    }

    /** A new instance's process: started now, in the first task (flow 2, after the start event). */
    public ProcessState start(Instant now) {
        Task first = firstTask();
        var currentTask =
                new ProcessElementInfo(
                        2,
                        now,
                        first.id(),
                        first.name(),
                        first.taskType(),
                        null,
                        null,
                        ProcessElementInfo.COMPLETE_CURRENT_MOVE_TO_NEXT);
        return new ProcessState(now, startEvent.id(), currentTask, null, null);
    }
}
