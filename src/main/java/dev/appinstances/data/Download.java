package dev.appinstances.data;

import java.util.UUID;

/** What a content download sends: which bytes of which blob, described by which headers. */
public record Download(
        UUID blobId,
        String contentType,
        String filename,
        String etag,
        long size,
        ByteRange range,
        boolean partial) {}
