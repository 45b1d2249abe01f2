package dev.appinstances.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Altinn's TagsList (and SetTagsResponse): a data element's tags; {@code validationIssues} only
 * when the request asked for validation ({@code ignoredValidators}).
 */
@RegisterForReflection
@Schema(name = "TagsList")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TagsList(
        @Schema(examples = "[\"vedlegg\"]") List<String> tags,
        @Schema(
                        description =
                                "Present (always empty: this service runs no validators) only"
                                        + " when ignoredValidators was given")
                List<Object> validationIssues) {

    static TagsList of(List<String> tags) {
        return new TagsList(tags, null);
    }
}
