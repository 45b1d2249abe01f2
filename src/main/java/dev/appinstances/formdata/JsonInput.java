package dev.appinstances.formdata;

/** How forgiving reading a JSON form model is. */
public enum JsonInput {
    /**
     * As ASP.NET's web defaults bind a PUT body: properties unknown to the model are ignored, and
     * numbers may be given as strings.
     */
    LENIENT,
    /** As a PATCH result is read: an unknown property is a violation, every value its JSON type. */
    STRICT
}
