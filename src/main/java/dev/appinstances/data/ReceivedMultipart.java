package dev.appinstances.data;

import java.util.List;
import java.util.UUID;

/** A fully received multipart create: the template (empty if none) and the stored parts. */
public record ReceivedMultipart(byte[] instanceTemplate, List<StoredPart> parts) {

    public List<UUID> blobIds() {
        return parts.stream().map(part -> part.blob().id()).toList();
    }
}
