package dev.appinstances.instantiation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.appinstances.instantiation.InstanceTemplate.OwnerTemplate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST {basePath}/create} (Altinn's InstansiationInstance). */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "SimplifiedCreate")
public record SimplifiedCreateRequest(
        OwnerTemplate instanceOwner,
        String dueBefore,
        String visibleAfter,
        @Schema(
                        description = "Dotted paths of the form data model to values",
                        examples = "{\"applicant.name\": \"Sophie Salt\"}")
                Map<String, String> prefill,
        @Schema(description = "An archived instance of the same owner to copy: partyId/guid")
                String sourceInstanceId) {}
