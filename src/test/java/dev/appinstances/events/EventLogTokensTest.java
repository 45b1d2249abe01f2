package dev.appinstances.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appinstances.problem.InvalidContinuationTokenException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventLogTokensTest {

    static final String SECRET = "a-test-secret-of-at-least-32-characters";
    final EventLogTokens tokens = new EventLogTokens(SECRET);
    final EventLogTokens.Position position =
            new EventLogTokens.Position(Instant.parse("2026-03-01T10:00:00.123456Z"), 4711);

    @Test
    void aTokenGivesBackItsPositionForItsListingOnly() {
        String token = tokens.sign(position, "listing");
        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(tokens.verify(token, "listing")).isEqualTo(position);
        assertThatThrownBy(() -> tokens.verify(token, "another listing"))
                .isInstanceOf(InvalidContinuationTokenException.class)
                .hasMessageContaining("issued for another");
    }

    @Test
    void alteredForeignOrMalformedTokensAreRefused() {
        String token = tokens.sign(position, "listing");
        char flipped = token.charAt(10) == 'A' ? 'B' : 'A';
        String altered = token.substring(0, 10) + flipped + token.substring(11);
        String foreign =
                new EventLogTokens("another-secret-of-at-least-32-characters!")
                        .sign(position, "listing");
        for (String bad :
                new String[] {altered, foreign, "", "abc", token + "A", token.replace('A', '+')}) {
            assertThatThrownBy(() -> tokens.verify(bad, "listing"))
                    .as(bad)
                    .isInstanceOf(InvalidContinuationTokenException.class);
        }
    }

    @Test
    void theSecretMustBeLongEnough() {
        assertThatThrownBy(() -> new EventLogTokens("short"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EVENTS_TOKEN_SECRET");
    }
}
