package dev.appinstances.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A caller's idempotency key and, once its create committed, the response to replay. */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyKeyEntity.Key.class)
public class IdempotencyKeyEntity {

    static final String IN_FLIGHT = "in-flight";
    static final String DONE = "done";

    @Id public String caller;

    @Id public String key;

    public UUID claim;

    public String state;

    public String fingerprint;

    public Short status;

    public String location;

    public String body;

    public Instant created;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    public record Key(String caller, String key) implements Serializable {}
}
