package dev.appinstances.processflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event of an instance's process, as Altinn records it: {@code process_StartEvent}, {@code
 * process_StartTask}, {@code process_EndTask}, {@code process_AbandonTask} or {@code
 * process_EndEvent}, when it happened and who performed it (a person or organisation number).
 */
@Entity
@Table(name = "process_event")
public class ProcessEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "instance_id")
    public UUID instanceId;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "element_id")
    public String elementId;

    public Instant occurred;

    @Column(name = "performed_by")
    public String performedBy;

    static ProcessEventEntity of(
            UUID instanceId, String type, String elementId, Instant occurred, String by) {
        ProcessEventEntity event = new ProcessEventEntity();
        event.instanceId = instanceId;
        event.eventType = type;
        event.elementId = elementId;
        event.occurred = occurred;
        event.performedBy = by;
        return event;
    }

    ProcessHistoryMapper.Event toEvent() {
        return new ProcessHistoryMapper.Event(eventType, elementId, occurred, performedBy);
    }
}
