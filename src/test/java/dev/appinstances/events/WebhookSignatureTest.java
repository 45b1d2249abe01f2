package dev.appinstances.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The example of the Standard Webhooks specification. */
    @Test
    void signsAsTheStandardWebhooksExample() {
        assertThat(
                        WebhookSignature.sign(
                                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                                1614265330,
                                "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void secretsAreRandom32ByteKeys() {
        String secret = WebhookSignature.newSecret();
        assertThat(secret).startsWith("whsec_").isNotEqualTo(WebhookSignature.newSecret());
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
    }

    @Test
    void backoffDoublesUpToTheCapWithJitter() {
        Duration initial = Duration.ofSeconds(1);
        Duration max = Duration.ofMinutes(10);
        for (int attempt = 1; attempt <= 40; attempt++) {
            long full = Math.min(1000L << Math.min(attempt - 1, 30), max.toMillis());
            long millis = DeliveryWorker.backoff(attempt, initial, max).toMillis();
            assertThat(millis).isBetween(full / 2, full);
        }
    }
}
