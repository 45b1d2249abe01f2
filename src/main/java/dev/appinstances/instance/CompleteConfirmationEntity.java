package dev.appinstances.instance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A stakeholder's complete confirmation of an instance (one per stakeholder). */
@Entity
@Table(name = "complete_confirmation")
@IdClass(CompleteConfirmationEntity.Key.class)
public class CompleteConfirmationEntity {

    @Id
    @Column(name = "instance_id")
    public UUID instanceId;

    @Id
    @Column(name = "stakeholder_id")
    public String stakeholderId;

    @Column(name = "confirmed_on")
    public Instant confirmedOn;

    public record Key(UUID instanceId, String stakeholderId) implements Serializable {}

    public static CompleteConfirmationEntity of(UUID instanceId, String stakeholderId, Instant on) {
        var confirmation = new CompleteConfirmationEntity();
        confirmation.instanceId = instanceId;
        confirmation.stakeholderId = stakeholderId;
        confirmation.confirmedOn = on;
        return confirmation;
    }

    CompleteConfirmation toConfirmation() {
        return new CompleteConfirmation(stakeholderId, confirmedOn);
    }
}
