package dev.appinstances.instance;

import dev.appinstances.app.ApplicationMetadata;
import dev.appinstances.app.DataType;
import dev.appinstances.auth.Caller;
import dev.appinstances.http.MediaTypes;
import dev.appinstances.problem.ActionNotAllowedException;
import dev.appinstances.problem.ContentTypeNotAllowedException;
import dev.appinstances.problem.DataElementTooLargeException;
import dev.appinstances.problem.EmptyDataElementException;
import dev.appinstances.problem.InstanceNotWritableException;
import dev.appinstances.problem.UnknownDataTypeException;

/** The per-data-type rules every piece of content must satisfy; pure, testable without HTTP. */
public final class DataTypeRules {

    private static final long MEGABYTE = 1024L * 1024L;

    private DataTypeRules() {}

    /** The data type a part or upload names; {@code what} describes it for messages. */
    public static DataType requireDataType(ApplicationMetadata metadata, String id, String what) {
        return metadata.dataType(id)
                .orElseThrow(
                        () ->
                                new UnknownDataTypeException(
                                        what
                                                + " does not correspond to a data type of "
                                                + metadata.id));
    }

    /** Media-type match ignoring case and parameters; empty or absent list allows anything. */
    public static void requireAllowedContentType(DataType type, String contentType, String what) {
        if (type.allowedContentTypes == null || type.allowedContentTypes.isEmpty()) {
            return;
        }
        String mediaType = MediaTypes.mediaType(contentType);
        boolean allowed =
                mediaType != null
                        && type.allowedContentTypes.stream()
                                .anyMatch(
                                        allowedType ->
                                                mediaType.equals(
                                                        MediaTypes.mediaType(allowedType)));
        if (!allowed) {
            throw new ContentTypeNotAllowedException(
                    what
                            + " has Content-Type '"
                            + (contentType == null ? "" : contentType)
                            + "', which data type '"
                            + type.id
                            + "' does not allow (allowed: "
                            + String.join(", ", type.allowedContentTypes)
                            + ")");
        }
    }

    /** Whether {@code size} bytes are still within the data type's maxSize (in megabytes). */
    public static void requireWithinMaxSize(DataType type, long size, String what) {
        if (type.maxSize != null && size > type.maxSize * MEGABYTE) {
            throw new DataElementTooLargeException(
                    what
                            + " exceeds the size limit of data type '"
                            + type.id
                            + "' ("
                            + type.maxSize
                            + " MB)");
        }
    }

    public static void requireNotEmpty(long size, String what) {
        if (size == 0) {
            throw new EmptyDataElementException(what + " has no data");
        }
    }

    /** Whether one more element of the type fits: {@code count} includes the new one. */
    public static boolean isWithinMaxCount(DataType type, long count) {
        return type.maxCount <= 0 || count <= type.maxCount;
    }

    /** Content of a data type bound to a task may only change while the process is in it. */
    public static void requireCurrentTask(DataType type, String currentTask) {
        if (type.taskId != null && !type.taskId.equals(currentTask)) {
            throw new InstanceNotWritableException(
                    "Data element of type "
                            + type.id
                            + " can only be modified in "
                            + type.taskId
                            + " (current task "
                            + (currentTask == null ? "none" : currentTask)
                            + ")");
        }
    }

    /**
     * {@code actionRequiredToRead}/{@code actionRequiredToWrite}, read as Altinn's default policy
     * grants actions to callers who may see the instance: the party's side may perform any action,
     * the app owner only {@code read} and {@code write}.
     */
    public static void requireAction(Caller caller, DataType type, String action, String what) {
        if (action == null
                || action.isBlank()
                || !caller.isAppOwner()
                || action.equals("read")
                || action.equals("write")) {
            return;
        }
        throw new ActionNotAllowedException(
                "Data type '"
                        + type.id
                        + "' needs action '"
                        + action
                        + "' to "
                        + what
                        + ", which the app owner may not perform");
    }
}
