package dev.appinstances.formdata;

import java.util.ArrayList;
import java.util.List;

/** Collects violations while a document is read, up to a bound, so a huge bad body stays cheap. */
final class Violations {

    static final int MAX = 100;

    private final List<FormViolation> found = new ArrayList<>();
    private int more;

    void add(String path, String problem) {
        if (found.size() < MAX) {
            found.add(new FormViolation(path.isEmpty() ? "/" : path, problem));
        } else {
            more++;
        }
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws when anything was found. */
    void throwIfAny() {
        if (found.isEmpty()) {
            return;
        }
        List<FormViolation> all = new ArrayList<>(found);
        if (more > 0) {
            all.add(new FormViolation("/", more + " more violations not listed"));
        }
        throw new InvalidFormDataException(all);
    }

    /** A JSON Pointer segment (RFC 6901 escapes). */
    static String child(String path, String name) {
        return path + "/" + name.replace("~", "~0").replace("/", "~1");
    }
}
