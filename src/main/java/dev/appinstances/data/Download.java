package dev.appinstances.data;

import dev.appinstances.instance.DataElementEntity;
import java.util.UUID;

/**
 * What a content download sends: which bytes of which blob, described by which headers; or, for a
 * form read as its model, the rendered {@code body}.
 */
public record Download(
        UUID blobId,
        String contentType,
        String filename,
        String etag,
        long size,
        ByteRange range,
        boolean partial,
        byte[] body) {

    /** The same element rendered: the whole body, with its own type and entity tag. */
    Download rendered(String renderedType, String renderedEtag, byte[] rendered) {
        return new Download(
                blobId,
                renderedType,
                null,
                renderedEtag,
                rendered.length,
                new ByteRange(0, rendered.length),
                false,
                rendered);
    }

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
                range.isPresent(),
                null);
    }
}
