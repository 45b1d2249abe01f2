package dev.appinstances.http;

import java.util.Locale;

/** Reading Content-Type headers. */
public final class MediaTypes {

    private MediaTypes() {}

    /** The media type without parameters, lower-cased; null for a missing or blank header. */
    public static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        return contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    /** {@code application/json} or any {@code +json} type. */
    public static boolean isJson(String contentType) {
        String mediaType = mediaType(contentType);
        return mediaType != null
                && (mediaType.equals("application/json") || mediaType.endsWith("+json"));
    }
}
