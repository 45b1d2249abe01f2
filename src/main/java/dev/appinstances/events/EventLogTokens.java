package dev.appinstances.events;

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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies the continuation tokens of event listings, as the instance query does its own:
 * URL-safe Base64 (no padding) of {@code payload || HMAC-SHA256(secret, DOMAIN || payload)}, where
 * the payload is a version byte, the last event's {@code created} (microseconds since the epoch),
 * its {@code seq}, and the first 16 bytes of the SHA-256 of the listing's fingerprint (instance,
 * types, bounds, order). The domain keeps a query token from passing here even with one secret.
 */
@ApplicationScoped
public class EventLogTokens {

    /** Where a page ended: the position of its last event in the listing's order. */
    record Position(Instant created, long seq) {}

    static final int MIN_SECRET_LENGTH = 32;
    private static final byte VERSION = 1;
    private static final byte[] DOMAIN = "instance-events\n".getBytes(StandardCharsets.UTF_8);
    private static final int FINGERPRINT_LENGTH = 16;
    private static final int PAYLOAD_LENGTH = 1 + 8 + 8 + FINGERPRINT_LENGTH;
    private static final int MAC_LENGTH = 32;
    private static final int TOKEN_LENGTH = ((PAYLOAD_LENGTH + MAC_LENGTH) * 8 + 5) / 6;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    @Inject
    public EventLogTokens(EventLogSettings settings) {
        this(settings.tokenSecret());
    }

    EventLogTokens(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException(
                    "events.token-secret (EVENTS_TOKEN_SECRET) must have at least "
                            + MIN_SECRET_LENGTH
                            + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    String sign(Position position, String fingerprint) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_LENGTH);
        payload.put(VERSION)
                .putLong(ChronoUnit.MICROS.between(Instant.EPOCH, position.created()))
                .putLong(position.seq())
                .put(digest(fingerprint));
        byte[] token = Arrays.copyOf(payload.array(), PAYLOAD_LENGTH + MAC_LENGTH);
        System.arraycopy(mac(payload.array()), 0, token, PAYLOAD_LENGTH, MAC_LENGTH);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** The position the token stands for, if it is intact, ours, and for this listing. */
    Position verify(String token, String fingerprint) {
        if (token.length() != TOKEN_LENGTH
                || !token.chars().allMatch(EventLogTokens::isBase64Url)) {
            throw notOurs();
        }
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(token)) {
            throw notOurs();
        }
        byte[] payload = Arrays.copyOf(bytes, PAYLOAD_LENGTH);
        byte[] mac = Arrays.copyOfRange(bytes, PAYLOAD_LENGTH, bytes.length);
        if (!MessageDigest.isEqual(mac, mac(payload)) || payload[0] != VERSION) {
            throw notOurs();
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload, 1, PAYLOAD_LENGTH - 1);
        Instant created = Instant.EPOCH.plus(buffer.getLong(), ChronoUnit.MICROS);
        long seq = buffer.getLong();
        byte[] issuedFor = new byte[FINGERPRINT_LENGTH];
        buffer.get(issuedFor);
        if (!MessageDigest.isEqual(issuedFor, digest(fingerprint))) {
            throw new InvalidContinuationTokenException(
                    "The continuationToken was issued for another instance, other event types,"
                            + " other bounds or another order; repeat the listing it came from,"
                            + " changing only size");
        }
        return new Position(created, seq);
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
            mac.update(DOMAIN);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] digest(String fingerprint) {
        try {
            return Arrays.copyOf(
                    MessageDigest.getInstance("SHA-256")
                            .digest(fingerprint.getBytes(StandardCharsets.UTF_8)),
                    FINGERPRINT_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
