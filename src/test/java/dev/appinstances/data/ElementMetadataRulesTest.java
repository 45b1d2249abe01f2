package dev.appinstances.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appinstances.app.DataType;
import dev.appinstances.instance.KeyValueEntry;
import dev.appinstances.problem.DuplicateMetadataKeysException;
import dev.appinstances.problem.InvalidTagException;
import dev.appinstances.problem.InvalidUserDefinedMetadataException;
import dev.appinstances.problem.MetadataKeyNotAllowedException;
import dev.appinstances.problem.TooManyTagsException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ElementMetadataRulesTest {

    final ElementMetadataRules rules = new ElementMetadataRules(3, 8, 2, 5, 6);

    @ParameterizedTest(name = "\\\"{0}\\\" is not a tag")
    @NullSource
    @ValueSource(
            strings = {"123", "tag@", "tag with spaces", "tag!", "", "tag1", "a.b", "ab\u0000"})
    void onlyLettersDashesAndUnderscoresMakeATag(String tag) {
        assertThatThrownBy(() -> rules.requireTag(tag))
                .isInstanceOf(InvalidTagException.class)
                .hasMessageContaining(tag == null ? "null" : "'" + tag + "'");
    }

    @ParameterizedTest(name = "{0} is a tag")
    @ValueSource(strings = {"vedlegg", "a-b_c", "Åøæ", "документ", "漢字", "-", "_"})
    void lettersOfAnyScriptAreTags(String tag) {
        assertThat(rules.requireTag(tag)).isEqualTo(tag);
    }

    @Test
    void aTagHasAMaximumLength() {
        assertThatCode(() -> rules.requireTag("abcdefgh")).doesNotThrowAnyException();
        assertThatThrownBy(() -> rules.requireTag("abcdefghi"))
                .isInstanceOf(InvalidTagException.class)
                .hasMessageContaining("longer than 8");
    }

    @Test
    void addingKeepsOrderAndIgnoresATagThatIsThere() {
        assertThat(rules.adding(new String[] {"b"}, "a")).containsExactly("b", "a");
        assertThat(rules.adding(new String[] {"b", "a"}, "b")).containsExactly("b", "a");
        assertThatThrownBy(() -> rules.adding(new String[] {"a", "b", "c"}, "d"))
                .isInstanceOf(TooManyTagsException.class);
        assertThat(rules.adding(new String[] {"a", "b", "c"}, "c")).hasSize(3);
    }

    @Test
    void replacingDropsExactDuplicatesAndChecksEveryTag() {
        assertThat(rules.replacing(List.of("b", "a", "b", "B"))).containsExactly("b", "a", "B");
        assertThatThrownBy(() -> rules.replacing(Arrays.asList("a", null)))
                .isInstanceOf(InvalidTagException.class);
        assertThatThrownBy(() -> rules.replacing(List.of("a", "b", "c", "d")))
                .isInstanceOf(TooManyTagsException.class);
        assertThat(rules.replacing(List.of("a", "a", "a", "a"))).containsExactly("a");
    }

    @Test
    void removingAnAbsentTagLeavesTheTags() {
        assertThat(ElementMetadataRules.removing(new String[] {"a", "b"}, "a"))
                .containsExactly("b");
        assertThat(ElementMetadataRules.removing(new String[] {"a"}, "1 2")).containsExactly("a");
    }

    @Test
    void metadataKeysAreDistinctExactlyAndWithinTheLimits() {
        assertThat(rules.requireEntries(List.of(entry("a", null), entry("A", "v")))).hasSize(2);
        assertThatThrownBy(
                        () ->
                                new ElementMetadataRules(3, 8, 5, 5, 6)
                                        .requireEntries(
                                                List.of(
                                                        entry("a", "1"),
                                                        entry("b", "1"),
                                                        entry("a", "2"),
                                                        entry("b", "3"))))
                .isInstanceOf(DuplicateMetadataKeysException.class)
                .hasMessage("The following keys are duplicated: a, b");
        assertThatThrownBy(
                        () ->
                                rules.requireEntries(
                                        List.of(entry("a", "1"), entry("b", "1"), entry("c", "1"))))
                .isInstanceOf(InvalidUserDefinedMetadataException.class)
                .hasMessageContaining("at most 2");
        assertThatThrownBy(() -> rules.requireEntries(List.of(entry("abcdef", "1"))))
                .hasMessageContaining("longer than 5");
        assertThatThrownBy(() -> rules.requireEntries(List.of(entry("a", "1234567"))))
                .hasMessageContaining("longer than 6");
        assertThatThrownBy(() -> rules.requireEntries(List.of(entry(" ", "1"))))
                .isInstanceOf(InvalidUserDefinedMetadataException.class)
                .hasMessageContaining("userDefinedMetadata[0].key");
        List<KeyValueEntry> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> rules.requireEntries(withNull))
                .isInstanceOf(InvalidUserDefinedMetadataException.class);
    }

    @Test
    void aNonEmptyAllowedKeysListLimitsTheKeys() {
        DataType type = new DataType();
        type.id = "attachment";
        List<KeyValueEntry> entries = List.of(entry("source", "x"), entry("colour", "y"));
        assertThatCode(() -> ElementMetadataRules.requireAllowedKeys(type, entries))
                .doesNotThrowAnyException();
        type.allowedKeysForUserDefinedMetadata = List.of();
        assertThatCode(() -> ElementMetadataRules.requireAllowedKeys(type, entries))
                .doesNotThrowAnyException();
        type.allowedKeysForUserDefinedMetadata = List.of("source");
        assertThatThrownBy(() -> ElementMetadataRules.requireAllowedKeys(type, entries))
                .isInstanceOf(MetadataKeyNotAllowedException.class)
                .hasMessageStartingWith("The following keys are not allowed: colour");
    }

    private static KeyValueEntry entry(String key, String value) {
        return new KeyValueEntry(key, value);
    }
}
