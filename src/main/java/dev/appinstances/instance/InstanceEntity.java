package dev.appinstances.instance;

import dev.appinstances.process.ProcessState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One instance row. Optimistic locking through {@link #version}. */
@Entity
@Table(name = "instance")
public class InstanceEntity {

    @Id public UUID id;

    @Column(name = "instance_owner_party_id")
    public long partyId;

    @Column(name = "app_id")
    public String appId;

    public String org;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "instance_owner", columnDefinition = "jsonb")
    public InstanceOwner instanceOwner;

    @Column(name = "due_before")
    public Instant dueBefore;

    @Column(name = "visible_after")
    public Instant visibleAfter;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public ProcessState process;

    /** Denormalized {@code process.currentTask.elementId}, for queries. */
    @Column(name = "current_task")
    public String currentTask;

    @Column(name = "read_status")
    public short readStatus;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Substatus substatus;

    public Instant archived;

    @Column(name = "soft_deleted")
    public Instant softDeleted;

    @Column(name = "hard_deleted")
    public Instant hardDeleted;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "presentation_texts", columnDefinition = "jsonb")
    public Map<String, String> presentationTexts;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "data_values", columnDefinition = "jsonb")
    public Map<String, String> dataValues;

    public Instant created;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "last_changed")
    public Instant lastChanged;

    @Column(name = "last_changed_by")
    public String lastChangedBy;

    @Version public long version;

    /** Sets the process and keeps the query column in step with it. */
    public void setProcess(ProcessState process) {
        this.process = process;
        this.currentTask =
                process == null || process.currentTask() == null
                        ? null
                        : process.currentTask().elementId();
    }

    public void touch(Instant now, String actorId) {
        this.lastChanged = now;
        this.lastChangedBy = actorId;
    }
}
