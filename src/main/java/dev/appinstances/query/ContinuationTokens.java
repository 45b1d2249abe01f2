package dev.appinstances.query;

import dev.appinstances.problem.InvalidContinuationTokenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies continuation tokens.
 *
 * <p>A token is the URL-safe Base64 (no padding) of {@code payload || HMAC-SHA256(secret,
 * payload)}, where the payload is: version (1 byte, 1), lastChanged in microseconds since the epoch
 * (8 bytes), the instance id (16 bytes), and the first 16 bytes of the SHA-256 of the query's
 * {@link InstanceQuery#fingerprint() fingerprint}. So a token is opaque to clients (no offset to
 * edit), any change to it breaks the MAC, a token of another deployment (another secret) fails the
 * MAC, and a token used with other filters or another order fails the fingerprint check.
 */
@ApplicationScoped
public class ContinuationTokens {

    static final int MIN_SECRET_LENGTH = 32;
    private static final byte VERSION = 1;
    private static final int FINGERPRINT_LENGTH = 16;
    private static final int PAYLOAD_LENGTH = 1 + 8 + 16 + FINGERPRINT_LENGTH;
    private static final int MAC_LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";

    /** Base64 without padding of payload and MAC: one spelling per token, nothing else passes. */
    private static final int TOKEN_LENGTH = ((PAYLOAD_LENGTH + MAC_LENGTH) * 8 + 5) / 6;

    private final SecretKeySpec key;

    @Inject
    public ContinuationTokens(QuerySettings settings) {
        this(settings.tokenSecret());
    }

    public ContinuationTokens(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException(
                    "query.token-secret (QUERY_TOKEN_SECRET) must have at least "
                            + MIN_SECRET_LENGTH
                            + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String sign(ContinuationToken position, String fingerprint) {
        Instant at = position.lastChanged();
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_LENGTH);
        payload.put(VERSION)
                .putLong(micros)
                .putLong(position.id().getMostSignificantBits())
                .putLong(position.id().getLeastSignificantBits())
                .put(digest(fingerprint));
        byte[] token = Arrays.copyOf(payload.array(), PAYLOAD_LENGTH + MAC_LENGTH);
        System.arraycopy(mac(payload.array()), 0, token, PAYLOAD_LENGTH, MAC_LENGTH);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** The position the token stands for, if it is intact, ours, and for this query. */
    public ContinuationToken verify(String token, String fingerprint) {
        if (token.length() != TOKEN_LENGTH
                || !token.chars().allMatch(ContinuationTokens::isBase64Url)) {
            throw notOurs();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw notOurs();
        }
        if (bytes.length != PAYLOAD_LENGTH + MAC_LENGTH
                || !Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(token)) {
            throw notOurs();
        }
        byte[] payload = Arrays.copyOf(bytes, PAYLOAD_LENGTH);
        byte[] mac = Arrays.copyOfRange(bytes, PAYLOAD_LENGTH, bytes.length);
        if (!MessageDigest.isEqual(mac, mac(payload)) || payload[0] != VERSION) {
            throw notOurs();
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload, 1, PAYLOAD_LENGTH - 1);
        long micros = buffer.getLong();
        UUID id = new UUID(buffer.getLong(), buffer.getLong());
        byte[] issuedFor = new byte[FINGERPRINT_LENGTH];
        buffer.get(issuedFor);
        if (!MessageDigest.isEqual(issuedFor, digest(fingerprint))) {
            throw new InvalidContinuationTokenException(
                    "The continuationToken was issued for a query with other filters or another"
                            + " order; repeat the query it came from, changing only size");
        }
        return new ContinuationToken(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
    }

    private static boolean isBase64Url(int c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '_';
    }

    private static InvalidContinuationTokenException notOurs() {
        return new InvalidContinuationTokenException(
                "The continuationToken is not one this service issued, or it was altered; use the"
                        + " 'next' link of the previous page as it is");
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] digest(String fingerprint) {
        try {
            byte[] sha =
                    MessageDigest.getInstance("SHA-256")
                            .digest(fingerprint.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(sha, FINGERPRINT_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
