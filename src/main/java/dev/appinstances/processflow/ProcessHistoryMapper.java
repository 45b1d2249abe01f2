package dev.appinstances.processflow;

import dev.appinstances.process.ProcessState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an instance's process events into Altinn's process history: one item for the start event,
 * one per task visit (started when the task was entered, ended when it was left), one for the end
 * event. Each item is performed by whoever caused the event that opened it.
 */
final class ProcessHistoryMapper {

    static final String START_EVENT = "process_StartEvent";
    static final String START_TASK = "process_StartTask";
    static final String END_TASK = "process_EndTask";
    static final String ABANDON_TASK = "process_AbandonTask";
    static final String END_EVENT = "process_EndEvent";

    /** A recorded event. */
    record Event(String type, String elementId, Instant occurred, String performedBy) {}

    private ProcessHistoryMapper() {}

    static List<ProcessHistory.Item> map(List<Event> events) {
        List<Open> items = new ArrayList<>();
        for (Event event : events) {
            switch (event.type()) {
                case START_EVENT, END_EVENT ->
                        items.add(new Open(event, event.occurred(), null, null));
                case START_TASK ->
                        items.add(new Open(event, event.occurred(), event.occurred(), null));
                case END_TASK, ABANDON_TASK -> endTask(items, event);
                default -> {
                    // not part of the history
                }
            }
        }
        return items.stream().map(Open::item).toList();
    }

    /** The last visit of the task still open ends; without one, the end is an item of its own. */
    private static void endTask(List<Open> items, Event event) {
        for (int i = items.size() - 1; i >= 0; i--) {
            Open item = items.get(i);
            if (item.opening.type().equals(START_TASK)
                    && item.opening.elementId().equals(event.elementId())
                    && item.ended == null) {
                item.ended = event.occurred();
                return;
            }
        }
        items.add(new Open(event, event.occurred(), null, event.occurred()));
    }

    /**
     * The recorded events, preceded by the start event and the first task's start when the process
     * was started with the instance (instantiation records no events): both at the process's start,
     * performed by the instance's creator.
     */
    static List<Event> withStart(
            List<Event> recorded, ProcessState state, String firstTask, String creator) {
        if (state == null
                || state.started() == null
                || recorded.stream().anyMatch(e -> e.type().equals(START_EVENT))) {
            return recorded;
        }
        List<Event> events = new ArrayList<>();
        events.add(new Event(START_EVENT, state.startEvent(), state.started(), creator));
        if (recorded.isEmpty() || !recorded.get(0).type().equals(START_TASK)) {
            events.add(new Event(START_TASK, firstTask, state.started(), creator));
        }
        events.addAll(recorded);
        return events;
    }

    private static final class Open {
        private final Event opening;
        private final Instant occurred;
        private final Instant started;
        private Instant ended;

        Open(Event opening, Instant occurred, Instant started, Instant ended) {
            this.opening = opening;
            this.occurred = occurred;
            this.started = started;
            this.ended = ended;
        }

        ProcessHistory.Item item() {
            String type = opening.type().equals(ABANDON_TASK) ? END_TASK : opening.type();
            return new ProcessHistory.Item(
                    type,
                    opening.elementId(),
                    occurred,
                    started,
                    ended,
                    opening.performedBy() == null ? "" : opening.performedBy());
        }
    }
}
