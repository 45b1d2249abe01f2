package dev.appinstances.register;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "party")
public class PartyEntity {

    @Id
    @Column(name = "party_id")
    public long partyId;

    @Column(name = "party_uuid")
    public UUID partyUuid;

    @Column(name = "party_type")
    public String partyType;

    public String ssn;

    @Column(name = "org_number")
    public String orgNumber;

    @Column(name = "unit_type")
    public String unitType;

    public String username;

    public String name;

    @Column(name = "is_deleted")
    public boolean deleted;

    Party toParty() {
        return new Party(
                partyId,
                partyUuid,
                PartyType.fromAltinnName(partyType),
                ssn,
                orgNumber,
                unitType,
                username,
                name,
                deleted);
    }
}
