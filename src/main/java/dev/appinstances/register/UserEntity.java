package dev.appinstances.register;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "app_user")
public class UserEntity {

    @Id
    @Column(name = "user_id")
    public long userId;

    @Column(name = "party_id")
    public long partyId;

    public String username;

    public String name;

    RegisterUser toUser() {
        return new RegisterUser(userId, partyId, username, name);
    }
}
