package dev.appinstances.data;

import dev.appinstances.instance.DataElementEntity;
import java.util.UUID;

/** What a content download sends: which bytes of which blob, described by which headers. */
public record Download(
        UUID blobId,
        String contentType,
        String filename,
        String etag,
        long size,
        ByteRange range,
        boolean partial) {

    /** The element's content, or the one range the {@code Range} header asks for. */
    static Download of(DataElementEntity element, String rangeHeader) {
        var range = ByteRange.parse(rangeHeader, element.size);
        return new Download(
                element.blobId,
                element.contentType,
                element.filename,
                "\"" + element.contentHash + "\"",
                element.size,
                range.orElse(new ByteRange(0, element.size)),
                range.isPresent());
    }
}
