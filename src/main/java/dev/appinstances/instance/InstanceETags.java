package dev.appinstances.instance;

import dev.appinstances.problem.PreconditionFailedException;
import java.util.Arrays;

/**
 * Entity tags of instances: the row's version, which every change of the instance, its data
 * elements or its confirmations increments.
 */
public final class InstanceETags {

    private InstanceETags() {}

    public static String of(InstanceEntity instance) {
        return "\"" + instance.id + "." + instance.version + "\"";
    }

    /** Whether a conditional header's list of tags names {@code etag} (or is {@code *}). */
    public static boolean matches(String header, String etag) {
        if (header == null) {
            return false;
        }
        return Arrays.stream(header.split(","))
                .map(String::trim)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }

    /** {@code If-Match}: a change proceeds only on the version the client has seen. */
    public static void requireMatch(String header, InstanceEntity instance) {
        if (header != null && !header.isBlank() && !matches(header, of(instance))) {
            throw new PreconditionFailedException(
                    "The instance has changed since "
                            + header.trim()
                            + "; its current ETag is "
                            + of(instance));
        }
    }
}
