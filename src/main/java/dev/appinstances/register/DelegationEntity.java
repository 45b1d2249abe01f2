package dev.appinstances.register;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A user's right to act for a party (its roles are kept but not interpreted). */
@Entity
@Table(name = "delegation")
@IdClass(DelegationEntity.Key.class)
public class DelegationEntity {

    @Id
    @Column(name = "user_id")
    public long userId;

    @Id
    @Column(name = "party_id")
    public long partyId;

    public record Key(long userId, long partyId) implements Serializable {}
}
