package dev.appinstances.instance;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.appinstances.process.ProcessState;
import dev.appinstances.register.Party;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The instance document of the App API (Altinn's InstanceResponse), field for field. */
@RegisterForReflection
@Schema(name = "Instance", description = "An instance, as the Altinn App API returns it")
public record InstanceView(
        @Schema(examples = "50001337/6f1e3c2a-7d4b-4e8f-9a1c-2b3d4e5f6a7b") String id,
        OwnerView instanceOwner,
        @Schema(examples = "ttd/example-app") String appId,
        @Schema(examples = "ttd") String org,
        ResourceLinks selfLinks,
        Instant dueBefore,
        Instant visibleAfter,
        @Schema(
                        anyOf = {AppProcessState.class, ProcessState.class},
                        nullable = true,
                        description =
                                "On the App API's paths the AppProcessState for the caller (what"
                                        + " GET process answers); at Storage's paths and in the"
                                        + " query the stored ProcessState")
                Object process,
        StatusView status,
        List<CompleteConfirmation> completeConfirmations,
        List<DataElementView> data,
        Map<String, String> presentationTexts,
        Map<String, String> dataValues,
        Instant created,
        String createdBy,
        Instant lastChanged,
        String lastChangedBy) {

    /** The same document with another {@code process}. */
    public InstanceView withProcess(Object replacement) {
        return new InstanceView(
                id,
                instanceOwner,
                appId,
                org,
                selfLinks,
                dueBefore,
                visibleAfter,
                replacement,
                status,
                completeConfirmations,
                data,
                presentationTexts,
                dataValues,
                created,
                createdBy,
                lastChanged,
                lastChangedBy);
    }

    @RegisterForReflection
    @Schema(name = "InstanceOwner")
    public record OwnerView(
            @Schema(examples = "50001337") String partyId,
            String personNumber,
            String organisationNumber,
            String username,
            String externalIdentifier,
            PartyView party) {}

    /** The owner's party from the register; {@code partyTypeName} 1 Person, 2 Org, 3 Self. */
    @RegisterForReflection
    @Schema(name = "Party")
    public record PartyView(
            @JsonProperty("partyId") long partyId,
            @JsonProperty("partyUuid") UUID partyUuid,
            @JsonProperty("partyTypeName") int partyTypeName,
            @JsonProperty("ssn") String ssn,
            @JsonProperty("orgNumber") String orgNumber,
            @JsonProperty("unitType") String unitType,
            @JsonProperty("name") String name,
            @JsonProperty("isDeleted") boolean isDeleted) {

        static PartyView of(Party party) {
            return party == null
                    ? null
                    : new PartyView(
                            party.partyId(),
                            party.partyUuid(),
                            party.partyType().code(),
                            party.ssn(),
                            party.orgNumber(),
                            party.unitType(),
                            party.name(),
                            party.isDeleted());
        }
    }

    /** {@code readStatus}: 0 Unread, 1 Read, 2 UpdatedSinceLastReview. */
    @RegisterForReflection
    @Schema(name = "InstanceStatus")
    public record StatusView(
            @JsonProperty("isArchived") boolean isArchived,
            @JsonProperty("archived") Instant archived,
            @JsonProperty("isSoftDeleted") boolean isSoftDeleted,
            @JsonProperty("softDeleted") Instant softDeleted,
            @JsonProperty("isHardDeleted") boolean isHardDeleted,
            @JsonProperty("hardDeleted") Instant hardDeleted,
            @JsonProperty("readStatus") int readStatus,
            @JsonProperty("substatus") Substatus substatus) {}

    @RegisterForReflection
    @Schema(name = "ResourceLinks")
    public record ResourceLinks(String apps, String platform) {}
}
