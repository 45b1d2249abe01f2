package dev.appinstances.processflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appinstances.process.ProcessState;
import dev.appinstances.processflow.ProcessHistoryMapper.Event;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessHistoryMapperTest {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final Instant T1 = Instant.parse("2026-01-01T11:00:00Z");
    static final Instant T2 = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void aTaskVisitIsOneItemFromItsStartToItsEnd() {
        List<ProcessHistory.Item> items =
                ProcessHistoryMapper.map(
                        List.of(
                                new Event("process_StartEvent", "StartEvent_1", T0, "a"),
                                new Event("process_StartTask", "Task_1", T0, "a"),
                                new Event("process_EndTask", "Task_1", T1, "b"),
                                new Event("process_StartTask", "Task_2", T1, "b"),
                                new Event("process_AbandonTask", "Task_2", T2, "c"),
                                new Event("process_StartTask", "Task_1", T2, "c"),
                                new Event("process_EndTask", "Task_1", T2, null),
                                new Event("process_EndEvent", "EndEvent_1", T2, null)));
        assertThat(items)
                .containsExactly(
                        new ProcessHistory.Item(
                                "process_StartEvent", "StartEvent_1", T0, null, null, "a"),
                        new ProcessHistory.Item("process_StartTask", "Task_1", T0, T0, T1, "a"),
                        new ProcessHistory.Item("process_StartTask", "Task_2", T1, T1, T2, "b"),
                        new ProcessHistory.Item("process_StartTask", "Task_1", T2, T2, T2, "c"),
                        new ProcessHistory.Item(
                                "process_EndEvent", "EndEvent_1", T2, null, null, ""));
    }

    @Test
    void anEndWithoutAStartIsAnItemOfItsOwn() {
        assertThat(
                        ProcessHistoryMapper.map(
                                List.of(new Event("process_EndTask", "Task_1", T1, "x"))))
                .containsExactly(
                        new ProcessHistory.Item("process_EndTask", "Task_1", T1, null, T1, "x"));
    }

    @Test
    void aProcessStartedWithTheInstanceGetsItsStartFromTheState() {
        ProcessState state = new ProcessState(T0, "StartEvent_1", null, null, null);
        List<Event> recorded = List.of(new Event("process_EndTask", "Task_1", T1, "b"));
        assertThat(ProcessHistoryMapper.withStart(recorded, state, "Task_1", "a"))
                .containsExactly(
                        new Event("process_StartEvent", "StartEvent_1", T0, "a"),
                        new Event("process_StartTask", "Task_1", T0, "a"),
                        recorded.get(0));
        List<Event> migrated =
                List.of(
                        new Event("process_StartTask", "Task_1", T0, "b"),
                        new Event("process_EndTask", "Task_1", T1, "b"));
        assertThat(ProcessHistoryMapper.withStart(migrated, state, "Task_1", "a"))
                .hasSize(3)
                .first()
                .isEqualTo(new Event("process_StartEvent", "StartEvent_1", T0, "a"));
        List<Event> started = List.of(new Event("process_StartEvent", "StartEvent_1", T0, "z"));
        assertThat(ProcessHistoryMapper.withStart(started, state, "Task_1", "a"))
                .isEqualTo(started);
        assertThat(ProcessHistoryMapper.withStart(List.of(), null, "Task_1", "a")).isEmpty();
    }
}
