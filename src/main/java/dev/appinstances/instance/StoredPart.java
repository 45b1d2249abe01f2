package dev.appinstances.instance;

import dev.appinstances.app.DataType;
import dev.appinstances.blob.BlobInfo;

/** A part whose content is stored as a pending blob, ready to become a data element. */
public record StoredPart(DataType dataType, String filename, String contentType, BlobInfo blob) {}
