package dev.appinstances.query;

/** The listing is always sorted on lastChanged (then on id, so that the order is total). */
public enum SortOrder {
    /** {@code desc:lastChanged}, the default: newest change first. */
    DESC("desc:lastChanged"),
    /** {@code asc:lastChanged}: oldest change first. */
    ASC("asc:lastChanged");

    private final String code;

    SortOrder(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
