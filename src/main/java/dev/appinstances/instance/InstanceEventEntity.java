package dev.appinstances.instance;

import dev.appinstances.process.ProcessState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One event of an instance's log (Altinn Storage's InstanceEvent). Written once, never changed.
 * {@link #seq} is assigned by the database in write order and orders events of the same instant.
 */
@Entity
@Table(name = "instance_event")
public class InstanceEventEntity {

    @Id public UUID id;

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "instance_id")
    public UUID instanceId;

    @Column(name = "event_type")
    public String eventType;

    /** The BPMN element of a process event (the task, start or end event); null otherwise. */
    @Column(name = "element_id")
    public String elementId;

    @Column(name = "data_id")
    public UUID dataId;

    public Instant created;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "platform_user", columnDefinition = "jsonb")
    public PlatformUser user;

    /** The process state at the time, as Storage snapshots it. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "process_info", columnDefinition = "jsonb")
    public ProcessState processInfo;

    @Column(name = "additional_info")
    public String additionalInfo;
}
