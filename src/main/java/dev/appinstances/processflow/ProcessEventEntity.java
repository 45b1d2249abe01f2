package dev.appinstances.processflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step of an instance's process: a task once it has ended, or the end event. */
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

    public Instant started;

    public Instant ended;

    @Column(name = "performed_by")
    public String performedBy;

    static ProcessEventEntity of(
            UUID instanceId,
            String type,
            String elementId,
            Instant started,
            Instant ended,
            String by) {
        ProcessEventEntity event = new ProcessEventEntity();
        event.instanceId = instanceId;
        event.eventType = type;
        event.elementId = elementId;
        event.occurred = ended != null ? ended : started;
        event.started = started;
        event.ended = ended;
        event.performedBy = by;
        return event;
    }

    ProcessHistory.Item toItem() {
        return new ProcessHistory.Item(eventType, elementId, occurred, started, ended, performedBy);
    }
}
