package dev.appinstances.processflow;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Altinn's ProcessHistoryList: the steps the process has taken, oldest first. */
@Schema(name = "ProcessHistoryList")
public record ProcessHistory(List<Item> processHistory) {

    /**
     * {@code eventType} is process_StartEvent, process_StartTask (a task visit: {@code started},
     * and {@code ended} once left) or process_EndEvent; {@code performedBy} is the person number or
     * organisation number of who caused it.
     */
    @Schema(name = "ProcessHistoryItem")
    public record Item(
            String eventType,
            String elementId,
            Instant occured,
            Instant started,
            Instant ended,
            String performedBy) {}
}
