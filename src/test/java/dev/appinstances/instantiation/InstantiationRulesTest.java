package dev.appinstances.instantiation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appinstances.app.PartyTypesAllowed;
import dev.appinstances.instance.InstanceOwner;
import dev.appinstances.register.Party;
import dev.appinstances.register.PartyType;
import org.junit.jupiter.api.Test;

class InstantiationRulesTest {

    static Party party(PartyType type, String unitType) {
        return new Party(1, null, type, "12247918309", "310000001", unitType, "kari", "N", false);
    }

    static PartyTypesAllowed allowed(boolean person, boolean org, boolean subUnit, boolean estate) {
        var allowed = new PartyTypesAllowed();
        allowed.person = person;
        allowed.organisation = org;
        allowed.subUnit = subUnit;
        allowed.bankruptcyEstate = estate;
        return allowed;
    }

    @Test
    void missingOrAllFalseAllowsEveryone() {
        for (var p :
                new Party[] {
                    party(PartyType.PERSON, null),
                    party(PartyType.ORGANISATION, "BEDR"),
                    party(PartyType.SELF_IDENTIFIED, null)
                }) {
            assertThat(InstantiationRules.isPartyTypeAllowed(null, p)).isTrue();
            assertThat(
                            InstantiationRules.isPartyTypeAllowed(
                                    allowed(false, false, false, false), p))
                    .isTrue();
        }
    }

    @Test
    void personsAndSelfIdentifiedNeedPerson() {
        var onlyOrg = allowed(false, true, false, false);
        assertThat(InstantiationRules.isPartyTypeAllowed(onlyOrg, party(PartyType.PERSON, null)))
                .isFalse();
        assertThat(
                        InstantiationRules.isPartyTypeAllowed(
                                onlyOrg, party(PartyType.SELF_IDENTIFIED, null)))
                .isFalse();
        var onlyPerson = allowed(true, false, false, false);
        assertThat(
                        InstantiationRules.isPartyTypeAllowed(
                                onlyPerson, party(PartyType.SELF_IDENTIFIED, null)))
                .isTrue();
    }

    @Test
    void subUnitsNeedSubUnitAndMainUnitsOrganisation() {
        var onlySub = allowed(false, false, true, false);
        assertThat(
                        InstantiationRules.isPartyTypeAllowed(
                                onlySub, party(PartyType.ORGANISATION, "BEDR")))
                .isTrue();
        assertThat(
                        InstantiationRules.isPartyTypeAllowed(
                                onlySub, party(PartyType.ORGANISATION, "aafy")))
                .isTrue();
        assertThat(
                        InstantiationRules.isPartyTypeAllowed(
                                onlySub, party(PartyType.ORGANISATION, "AS")))
                .isFalse();
        var onlyOrg = allowed(false, true, false, false);
        assertThat(
                        InstantiationRules.isPartyTypeAllowed(
                                onlyOrg, party(PartyType.ORGANISATION, "BEDR")))
                .isFalse();
    }

    @Test
    void bankruptcyEstatesGetInThroughOrganisationOrBankruptcyEstate() {
        Party estate = party(PartyType.ORGANISATION, "KBO");
        assertThat(
                        InstantiationRules.isPartyTypeAllowed(
                                allowed(false, false, false, true), estate))
                .isTrue();
        assertThat(
                        InstantiationRules.isPartyTypeAllowed(
                                allowed(false, true, false, false), estate))
                .isTrue();
        assertThat(InstantiationRules.isPartyTypeAllowed(allowed(true, false, true, false), estate))
                .isFalse();
    }

    @Test
    void theStoredOwnerCarriesTheOfficialIdentityOfThePartyType() {
        assertThat(InstantiationRules.normalizedOwner(party(PartyType.PERSON, null)))
                .isEqualTo(new InstanceOwner("1", "12247918309", null, null, null));
        assertThat(InstantiationRules.normalizedOwner(party(PartyType.ORGANISATION, "AS")))
                .isEqualTo(new InstanceOwner("1", null, "310000001", null, null));
        assertThat(InstantiationRules.normalizedOwner(party(PartyType.SELF_IDENTIFIED, null)))
                .isEqualTo(
                        new InstanceOwner(
                                "1",
                                null,
                                null,
                                "kari",
                                "urn:altinn:person:legacy-selfidentified:kari"));
    }

    @Test
    void anIdportenEmailUserIsIdentifiedByTheEmail() {
        Party email =
                new Party(
                        1,
                        null,
                        PartyType.SELF_IDENTIFIED,
                        null,
                        null,
                        null,
                        "epost:post@example.no",
                        "N",
                        false);
        assertThat(InstantiationRules.externalIdentifier(email))
                .isEqualTo("urn:altinn:person:idporten-email:post@example.no");
    }
}
