package dev.appinstances.instantiation;

import dev.appinstances.http.ContentDisposition;

/**
 * What a multipart part says about itself: its form name, optional file name and content type.
 *
 * @param index 1-based position of the part in the body
 */
record PartHeaders(int index, String name, String filename, String contentType) {

    /** For messages: {@code the part named 'attachment'} or {@code part 3}. */
    String describe() {
        return name == null ? "part " + index : "The multipart section named '" + name + "'";
    }

    static PartHeaders of(int index, String contentDisposition, String contentType) {
        ContentDisposition disposition = ContentDisposition.parse(contentDisposition);
        return new PartHeaders(index, disposition.name(), disposition.filename(), contentType);
    }
}
