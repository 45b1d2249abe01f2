package dev.appinstances.data;

import dev.appinstances.app.DataType;
import dev.appinstances.instance.KeyValueEntry;
import dev.appinstances.problem.DuplicateMetadataKeysException;
import dev.appinstances.problem.InvalidTagException;
import dev.appinstances.problem.InvalidUserDefinedMetadataException;
import dev.appinstances.problem.MetadataKeyNotAllowedException;
import dev.appinstances.problem.TooManyTagsException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules on tags and user-defined metadata of a data element; pure, testable without HTTP. */
final class ElementMetadataRules {

    /** Altinn's rule: Unicode letters, '-' and '_' only. */
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\-_]+");

    private final int maxTags;
    private final int maxTagLength;
    private final int maxEntries;
    private final int maxKeyLength;
    private final int maxValueLength;

    ElementMetadataRules(ElementMetadataLimits limits) {
        this(
                limits.maxTags(),
                limits.maxTagLength(),
                limits.maxEntries(),
                limits.maxKeyLength(),
                limits.maxValueLength());
    }

    ElementMetadataRules(
            int maxTags, int maxTagLength, int maxEntries, int maxKeyLength, int maxValueLength) {
        this.maxTags = maxTags;
        this.maxTagLength = maxTagLength;
        this.maxEntries = maxEntries;
        this.maxKeyLength = maxKeyLength;
        this.maxValueLength = maxValueLength;
    }

    /** A tag as sent: 400 naming it unless it is 1 to the limit of letters, '-' and '_'. */
    String requireTag(String tag) {
        if (tag == null) {
            throw new InvalidTagException("A tag must be a string, not null");
        }
        if (!TAG.matcher(tag).matches()) {
            throw new InvalidTagException(
                    "Tag '" + tag + "' is not valid: tags may only contain letters, '-' and '_'");
        }
        if (tag.length() > maxTagLength) {
            throw new InvalidTagException(
                    "Tag '" + tag + "' is longer than " + maxTagLength + " characters");
        }
        return tag;
    }

    /** The tags with one more at the end; the same tags when it is there already. */
    List<String> adding(String[] tags, String tag) {
        List<String> result = new ArrayList<>(Arrays.asList(tags));
        if (!result.contains(requireTag(tag))) {
            result.add(tag);
        }
        return requireCount(result);
    }

    /** The tags without the one; names are not checked, an absent tag is simply not there. */
    static List<String> removing(String[] tags, String tag) {
        return Arrays.stream(tags).filter(existing -> !existing.equals(tag)).toList();
    }

    /** A whole new list: every tag checked, duplicates dropped (first one kept, exact match). */
    List<String> replacing(List<String> tags) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String tag : tags) {
            distinct.add(requireTag(tag));
        }
        return requireCount(List.copyOf(distinct));
    }

    private List<String> requireCount(List<String> tags) {
        if (tags.size() > maxTags) {
            throw new TooManyTagsException(
                    "A data element may have at most "
                            + maxTags
                            + " tags; this makes "
                            + tags.size());
        }
        return tags;
    }

    /**
     * A new user-defined metadata list, before anything is looked up: entries and keys present,
     * within the limits, no key twice (exact match, as Altinn).
     */
    List<KeyValueEntry> requireEntries(List<KeyValueEntry> entries) {
        if (entries.size() > maxEntries) {
            throw new InvalidUserDefinedMetadataException(
                    "User-defined metadata may have at most "
                            + maxEntries
                            + " entries; this has "
                            + entries.size());
        }
        Set<String> keys = new LinkedHashSet<>();
        Set<String> duplicated = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            KeyValueEntry entry = entries.get(i);
            requireEntry(entry, i);
            if (!keys.add(entry.key())) {
                duplicated.add(entry.key());
            }
        }
        if (!duplicated.isEmpty()) {
            throw new DuplicateMetadataKeysException(
                    "The following keys are duplicated: " + String.join(", ", duplicated));
        }
        return List.copyOf(entries);
    }

    private void requireEntry(KeyValueEntry entry, int index) {
        String at = "userDefinedMetadata[" + index + "]";
        if (entry == null) {
            throw new InvalidUserDefinedMetadataException(at + " must be an object, not null");
        }
        if (entry.key() == null || entry.key().isBlank()) {
            throw new InvalidUserDefinedMetadataException(at + ".key must be a non-blank string");
        }
        if (entry.key().length() > maxKeyLength) {
            throw new InvalidUserDefinedMetadataException(
                    "Key '" + entry.key() + "' is longer than " + maxKeyLength + " characters");
        }
        if (entry.value() != null && entry.value().length() > maxValueLength) {
            throw new InvalidUserDefinedMetadataException(
                    "The value of key '"
                            + entry.key()
                            + "' is longer than "
                            + maxValueLength
                            + " characters");
        }
    }

    /** A non-empty {@code allowedKeysForUserDefinedMetadata} of the type limits the keys. */
    static void requireAllowedKeys(DataType type, List<KeyValueEntry> entries) {
        List<String> allowed = type.allowedKeysForUserDefinedMetadata;
        if (allowed == null || allowed.isEmpty()) {
            return;
        }
        List<String> refused =
                entries.stream()
                        .map(KeyValueEntry::key)
                        .filter(key -> !allowed.contains(key))
                        .toList();
        if (!refused.isEmpty()) {
            throw new MetadataKeyNotAllowedException(
                    "The following keys are not allowed: "
                            + String.join(", ", refused)
                            + " (data type '"
                            + type.id
                            + "' allows "
                            + String.join(", ", allowed)
                            + ")");
        }
    }
}
