package dev.appinstances.instance;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Altinn's DataElement document. {@code contentHash} is the SHA-256 of the content, in hex. */
@RegisterForReflection
@Schema(name = "DataElement")
public record DataElementView(
        String id,
        String instanceGuid,
        String dataType,
        String filename,
        String contentType,
        String blobStoragePath,
        Links selfLinks,
        long size,
        String contentHash,
        boolean locked,
        List<String> refs,
        @JsonProperty("isRead") boolean isRead,
        List<String> tags,
        List<KeyValueEntry> userDefinedMetadata,
        List<Object> metadata,
        Object deleteStatus,
        String fileScanResult,
        List<Object> references,
        Instant created,
        String createdBy,
        Instant lastChanged,
        String lastChangedBy) {

    @RegisterForReflection
    @Schema(name = "DataElementLinks")
    public record Links(String apps, String platform) {}
}
