package dev.appinstances.instantiation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.appinstances.common.JsonText;
import dev.appinstances.instance.Substatus;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The instance template a client posts. Only these fields are read; everything else in an instance
 * (id, appId, org, process, data, dates, ...) belongs to the server.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "InstanceTemplate")
public record InstanceTemplate(
        OwnerTemplate instanceOwner,
        @Schema(description = "ISO-8601 instant with zone", examples = "2026-12-31T23:59:59Z")
                String dueBefore,
        @Schema(description = "ISO-8601 instant with zone; defaults to the creation time")
                String visibleAfter,
        StatusTemplate status,
        @JsonDeserialize(contentUsing = JsonText.class) Map<String, String> dataValues) {

    /** Exactly one identifier, or none when {@code instanceOwnerPartyId} is in the query. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "InstanceOwnerTemplate")
    public record OwnerTemplate(
            @Schema(examples = "50001337") String partyId,
            String personNumber,
            String organisationNumber,
            String username) {}

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "InstanceStatusTemplate")
    public record StatusTemplate(
            @Schema(
                            description = "0/1/2 or Unread/Read/UpdatedSinceLastReview",
                            implementation = String.class)
                    JsonNode readStatus,
            Substatus substatus) {}
}
