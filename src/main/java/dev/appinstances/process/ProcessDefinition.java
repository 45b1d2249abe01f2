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

    /** A BPMN task; {@code actions} are its {@code altinn:actions}, in file order. */
    public record Task(String id, String name, String taskType, List<TaskAction> actions)
            implements Node {

        public Task {
            actions = List.copyOf(actions);
        }

        public Task(String id, String name, String taskType) {
            this(id, name, taskType, List.of());
        }
    }

    public record ExclusiveGateway(String id, String defaultFlow) implements Node {}

    public record EndEvent(String id) implements Node {}

    public record SequenceFlow(String id, String sourceRef, String targetRef) {}

    private final String processId;
    private final StartEvent startEvent;
    private final Map<String, Node> nodes;
    private final Map<String, List<SequenceFlow>> outgoing;
    private final List<Task> tasks;

    ProcessDefinition(
            String processId,
            StartEvent startEvent,
            Map<String, Node> nodes,
            Map<String, List<SequenceFlow>> outgoing) {
        this.processId = processId;
        this.startEvent = startEvent;
        this.nodes = Map.copyOf(nodes);
        this.outgoing = Map.copyOf(outgoing);
        this.tasks =
                nodes.values().stream()
                        .filter(Task.class::isInstance)
                        .map(Task.class::cast)
                        .toList();
    }

    /** Every task of the process, in file order. */
    public List<Task> tasks() {
        return tasks;
    }

    /** The ids of the tasks and end events the task may move to, through exclusive gateways. */
    public List<String> nextIds(String fromTask) {
        List<Node> candidates = new java.util.ArrayList<>();
        collectTargets(fromTask, candidates, new java.util.HashSet<>());
        return candidates.stream().map(Node::id).toList();
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

    /**
     * Where the process goes from a task: along its flow, through exclusive gateways, to a task or
     * an end event. Several candidates need {@code chosen} (unless a gateway's default flow
     * decides); a {@code chosen} that is not a candidate is refused.
     */
    public Node next(String fromTask, String chosen) {
        List<Node> candidates = new java.util.ArrayList<>();
        Node byDefault = collectTargets(fromTask, candidates, new java.util.HashSet<>());
        if (chosen != null && !chosen.isBlank()) {
            return candidates.stream()
                    .filter(node -> node.id().equals(chosen))
                    .findFirst()
                    .orElseThrow(
                            () ->
                                    new IllegalArgumentException(
                                            chosen
                                                    + " cannot follow "
                                                    + fromTask
                                                    + "; possible: "
                                                    + ids(candidates)));
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (byDefault != null) {
            return byDefault;
        }
        throw new IllegalArgumentException(
                "Several elements can follow "
                        + fromTask
                        + ": choose one of "
                        + ids(candidates)
                        + " with elementId");
    }

    /** Adds the tasks and end events reachable through gateways; returns a default's target. */
    private Node collectTargets(String from, List<Node> candidates, java.util.Set<String> seen) {
        Node byDefault = null;
        for (SequenceFlow flow : outgoing(from)) {
            Node target = nodes.get(flow.targetRef());
            if (!seen.add(target.id())) {
                continue;
            }
            if (target instanceof ExclusiveGateway gateway) {
                Node inner = collectTargets(gateway.id(), candidates, seen);
                if (gateway.defaultFlow() != null) {
                    byDefault =
                            outgoing(gateway.id()).stream()
                                    .filter(f -> f.id().equals(gateway.defaultFlow()))
                                    .map(f -> nodes.get(f.targetRef()))
                                    .filter(n -> !(n instanceof ExclusiveGateway))
                                    .findFirst()
                                    .orElse(inner);
                } else if (inner != null) {
                    byDefault = inner;
                }
            } else if (!candidates.contains(target)) {
                candidates.add(target);
            }
        }
        return byDefault;
    }

    private static String ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).toList().toString();
    }

    /** The state after entering a task from the given flow number. */
    public static ProcessElementInfo enter(Task task, int flow, Instant now) {
        return new ProcessElementInfo(
                flow,
                now,
                task.id(),
                task.name(),
                task.taskType(),
                null,
                null,
                ProcessElementInfo.COMPLETE_CURRENT_MOVE_TO_NEXT);
    }

    /** A new instance's process: started now, in the first task (flow 2, after the start event). */
    public ProcessState start(Instant now) {
        return new ProcessState(now, startEvent.id(), enter(firstTask(), 2, now), null, null);
    }
}
