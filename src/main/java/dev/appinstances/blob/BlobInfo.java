package dev.appinstances.blob;

import java.util.UUID;

/** A blob whose content has been fully written: its size and SHA-256 (hex). */
public record BlobInfo(UUID id, long size, String sha256) {}
