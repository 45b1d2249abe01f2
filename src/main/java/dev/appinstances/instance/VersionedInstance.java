package dev.appinstances.instance;

/** An instance document with its entity tag. */
public record VersionedInstance(InstanceView document, String etag) {}
