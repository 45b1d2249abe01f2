package dev.appinstances.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appinstances.problem.RangeNotSatisfiableException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Range headers of downloads. */
class ByteRangeTest {

    @Test
    void rangesFollowRfc9110() {
        assertThat(ByteRange.parse("bytes=0-9", 100)).contains(new ByteRange(0, 10));
        assertThat(ByteRange.parse("bytes=90-", 100)).contains(new ByteRange(90, 10));
        assertThat(ByteRange.parse("bytes=95-200", 100)).contains(new ByteRange(95, 5));
        assertThat(ByteRange.parse("bytes=-10", 100)).contains(new ByteRange(90, 10));
        assertThat(ByteRange.parse("bytes=-500", 100)).contains(new ByteRange(0, 100));
        assertThat(ByteRange.parse(null, 100)).isEqualTo(Optional.empty());
        assertThat(ByteRange.parse("bytes=0-1,5-6", 100)).isEmpty();
        assertThat(ByteRange.parse("items=0-1", 100)).isEmpty();
        assertThat(ByteRange.parse("bytes=abc", 100)).isEmpty();
        assertThatThrownBy(() -> ByteRange.parse("bytes=100-", 100))
                .isInstanceOf(RangeNotSatisfiableException.class);
    }
}
