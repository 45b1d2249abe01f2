package dev.appinstances.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appinstances.problem.InvalidContinuationTokenException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContinuationTokensTest {

    static final String SECRET = "unit-test-secret-unit-test-secret-0123";
    final ContinuationTokens tokens = new ContinuationTokens(SECRET);
    final ContinuationToken position =
            new ContinuationToken(
                    Instant.parse("2024-05-06T07:08:09.123456Z"),
                    UUID.fromString("6f1e3c2a-7d4b-4e8f-9a1c-2b3d4e5f6a7b"));

    @Test
    void aSignedTokenVerifiesToItsPosition() {
        String token = tokens.sign(position, "filters");
        assertThat(tokens.verify(token, "filters")).isEqualTo(position);
        assertThat(token).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void theTokenIsOpaqueAndNotAnOffset() {
        String token = tokens.sign(position, "filters");
        assertThat(token).doesNotContain(position.id().toString()).doesNotContain("2024");
        assertThat(token).hasSizeGreaterThan(60);
    }

    @Test
    void changingAnyByteIsDetected() {
        byte[] bytes = Base64.getUrlDecoder().decode(tokens.sign(position, "filters"));
        for (int i = 0; i < bytes.length; i++) {
            byte[] changed = bytes.clone();
            changed[i] ^= 0x01;
            String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(changed);
            assertThatThrownBy(() -> tokens.verify(tampered, "filters"))
                    .as("byte %d", i)
                    .isInstanceOf(InvalidContinuationTokenException.class)
                    .hasMessageContaining("altered");
        }
    }

    @Test
    void aTokenOfAnotherSecretIsRejected() {
        String foreign =
                new ContinuationTokens("another-deployment-secret-0123456789")
                        .sign(position, "filters");
        assertThatThrownBy(() -> tokens.verify(foreign, "filters"))
                .isInstanceOf(InvalidContinuationTokenException.class);
    }

    @Test
    void aTokenUsedWithOtherFiltersIsRejectedAsSuch() {
        String token = tokens.sign(position, "filters");
        assertThatThrownBy(() -> tokens.verify(token, "other filters"))
                .isInstanceOf(InvalidContinuationTokenException.class)
                .hasMessageContaining("other filters");
    }

    @Test
    void garbageTruncatedOrExtendedTokensAreRejected() {
        String token = tokens.sign(position, "f");
        for (String bad :
                new String[] {
                    "", "abc", "!!!!", "0", token.substring(1), token + "A", token + "==", "42"
                }) {
            assertThatThrownBy(() -> tokens.verify(bad, "f"))
                    .as(bad)
                    .isInstanceOf(InvalidContinuationTokenException.class);
        }
    }

    @Test
    void aTokenHasExactlyOneSpelling() {
        String token = tokens.sign(position, "f");
        char last = token.charAt(token.length() - 1);
        // the last character carries 2 bits; its 4 unused bits are ignored by lenient decoders
        for (char c :
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()) {
            if (c != last) {
                String other = token.substring(0, token.length() - 1) + c;
                assertThatThrownBy(() -> tokens.verify(other, "f"))
                        .isInstanceOf(InvalidContinuationTokenException.class);
            }
        }
    }

    @Test
    void aShortSecretStopsTheService() {
        assertThatThrownBy(() -> new ContinuationTokens("short"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("QUERY_TOKEN_SECRET");
    }
}
