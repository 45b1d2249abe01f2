package dev.appinstances.formdata;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A set of dotted element paths as a tree of lower-cased local names, walked one level at a time.
 */
final class ElementPaths {

    private final Map<String, ElementPaths> children = new HashMap<>();
    private boolean terminal;

    static ElementPaths of(Collection<String> paths) {
        ElementPaths root = new ElementPaths();
        for (String path : paths) {
            ElementPaths node = root;
            for (String segment : path.split("\\.", -1)) {
                if (segment.isBlank()) {
                    throw new IllegalArgumentException("not a dotted element path: '" + path + "'");
                }
                node = node.children.computeIfAbsent(key(segment), s -> new ElementPaths());
            }
            node.terminal = true;
        }
        return root;
    }

    /** The node for a child element, or null when no path continues through it. */
    ElementPaths child(String localName) {
        return children.get(key(localName));
    }

    /** Whether a path ends here, i.e. the element is to be removed. */
    boolean isTerminal() {
        return terminal;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
