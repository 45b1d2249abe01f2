package dev.appinstances.data;

import dev.appinstances.http.MediaTypes;

/**
 * Which representation of a form a read asks for: the model as JSON (the default, as Altinn's
 * content negotiation falls back to JSON), or the stored XML.
 */
record Representation(boolean model, boolean includeRowId, String ifNoneMatch) {

    /** The stored bytes, whatever the element's type (Storage's path). */
    static final Representation STORED = new Representation(false, false, null);

    static Representation of(String accept, boolean includeRowId, String ifNoneMatch) {
        return new Representation(!MediaTypes.prefersXml(accept), includeRowId, ifNoneMatch);
    }
}
